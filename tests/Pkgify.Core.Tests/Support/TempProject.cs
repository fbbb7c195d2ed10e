namespace Pkgify.Core.Tests.Support;

/// <summary>A throw-away project directory under the system temp directory, deleted on dispose.</summary>
internal sealed class TempProject : IDisposable
{
    public TempProject(string directoryName = "project")
    {
        Root = Path.Combine(Path.GetTempPath(), "pkgify-tests-" + Guid.NewGuid().ToString("N"));
        Dir = Path.Combine(Root, directoryName);
        Directory.CreateDirectory(Dir);
    }

    /// <summary>The parent, removed with everything in it.</summary>
    public string Root { get; }

    /// <summary>The project directory.</summary>
    public string Dir { get; }

    /// <summary>Where pkgify.yaml is (or would be).</summary>
    public string YamlPath => Path.Combine(Dir, "pkgify.yaml");

    /// <summary>Writes a file (creating parent directories) and returns its full path.</summary>
    public string Write(string relativePath, string content = "")
    {
        var path = Path.Combine(Dir, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    /// <summary>Creates a directory and returns its full path.</summary>
    public string Mkdir(string relativePath) => Directory.CreateDirectory(Path.Combine(Dir, relativePath)).FullName;

    public void Dispose() => Directory.Delete(Root, recursive: true);
}
