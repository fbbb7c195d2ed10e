using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// The smallest project that builds: pkgify.yaml, an empty requirements file and a one-function WSGI module
/// (served by a command, so no gunicorn is needed), in a temp directory. Tests break one thing in it.
/// </summary>
public sealed class TinyProject : IDisposable
{
    public const string GoodYaml = """
        name: tiny
        version: 1.0.0
        python: /usr/bin/python3.11
        requirements: requirements.txt
        wsgi: tinyapp:application
        server:
          kind: command
          command: /opt/tiny/venv/bin/python -m tinyapp
        """;

    public TinyProject(string label, string directoryName = "project")
    {
        Tmp = new TempDir(label);
        Dir = Tmp.Path(directoryName);
        Directory.CreateDirectory(Dir);
        Write("pkgify.yaml", GoodYaml);
        Write("requirements.txt", "# nothing needed\n");
        Write("tinyapp.py", "def application(environ, start_response):\n    return [b'ok']\n");
    }

    public TempDir Tmp { get; }

    /// <summary>The project directory.</summary>
    public string Dir { get; }

    /// <summary>A venv cache private to this project, for PKGIFY_CACHE_DIR.</summary>
    public string CacheDir => Tmp.Path("cache");

    public void Write(string relativePath, string text) => File.WriteAllText(Path.Combine(Dir, relativePath), text);

    public void Delete(string relativePath) => File.Delete(Path.Combine(Dir, relativePath));

    public void Dispose() => Tmp.Dispose();
}
