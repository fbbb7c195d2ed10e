using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// A private copy of examples/hello-wsgi with its wheel built from the vendored C source (offline),
/// its server port changed to <see cref="Port"/>, and pkgify's venv cache in the copy, so the paths that
/// must not leak into packages are known.
/// </summary>
public sealed class HelloWsgiProject : IDisposable
{
    private readonly TempDir _tmp = new("hello-wsgi");

    public HelloWsgiProject(int port, string version = "1.0.0", string directoryName = "project")
    {
        Port = port;
        Dir = _tmp.Path(directoryName);
        ToolRunner.RunChecked("cp", new[] { "-a", Path.Combine(RepoRoot.Path, "examples", "hello-wsgi"), Dir });
        // Build output of an earlier run must not stand in for compiling the C source.
        foreach (var stale in new[] { "dist", "wheels", "vendor/greetfast/build", "vendor/greetfast/greetfast.egg-info" })
            if (Directory.Exists(Path.Combine(Dir, stale)))
                Directory.Delete(Path.Combine(Dir, stale), recursive: true);
        // Built as release wheels are (no debug info): DWARF would record the source directory's path,
        // which is the wheel builder's, not something pkgify's relocation could or should rewrite.
        ToolRunner.RunChecked("/usr/bin/python3.11", new[] { "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q",
            "-w", Path.Combine(Dir, "wheels"), Path.Combine(Dir, "vendor", "greetfast") },
            env: new Dictionary<string, string> { ["CFLAGS"] = "-g0 -O2" }, timeout: TimeSpan.FromMinutes(5));
        SetVersion(version);
        var yaml = Path.Combine(Dir, "pkgify.yaml");
        File.WriteAllText(yaml, File.ReadAllText(yaml).Replace("127.0.0.1:8080", $"127.0.0.1:{port}"));
        CacheDir = _tmp.Path("cache");
    }

    public int Port { get; }
    public string Dir { get; }
    public string CacheDir { get; }
    public string Root => _tmp.Root;

    public void SetVersion(string version)
    {
        var yaml = Path.Combine(Dir, "pkgify.yaml");
        var lines = File.ReadAllLines(yaml).Select(l => l.StartsWith("version:", StringComparison.Ordinal) ? "version: " + version : l);
        File.WriteAllLines(yaml, lines);
    }

    /// <summary>Runs `pkgify build` and returns the packages it wrote.</summary>
    public string[] Build(string output, params string[] extra)
    {
        var args = new[] { "build", Dir, "-o", output, "--source-date-epoch", "1700000000" }.Concat(extra);
        var r = PkgifyCli.Run(args, new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = CacheDir });
        if (r.ExitCode != 0)
            NUnit.Framework.Assert.Fail($"pkgify build exited {r.ExitCode}\n{r.StdOut}\n{r.StdErr}");
        return Directory.GetFiles(output).Order(StringComparer.Ordinal).ToArray();
    }

    public void Dispose() => _tmp.Dispose();
}
