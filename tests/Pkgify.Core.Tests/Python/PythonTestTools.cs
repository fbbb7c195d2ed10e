using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.TestSupport;

namespace Pkgify.Core.Tests.Python;

/// <summary>What a tool run printed.</summary>
internal sealed record ToolOutput(int ExitCode, string Stdout, string Stderr);

/// <summary>
/// Shared pieces of the Python tests: the real interpreter, a process runner, temporary
/// directories and a wheelhouse built once per run from the fixtures (no network: pip wheel
/// --no-deps --no-build-isolation uses the system's setuptools and wheel).
/// </summary>
internal static class PythonTestTools
{
    /// <summary>Debian 12's interpreter: python3.11 (package python3.11-minimal).</summary>
    public const string Python = "/usr/bin/python3.11";

    private static readonly Lazy<string> SharedWheelhouse = new(BuildWheelhouse);
    private static readonly List<string> Cleanup = [];

    /// <summary>A directory of wheels: hello_app-1.0 (pure, console script) and fastsum-0.3 (C extension).</summary>
    public static string Wheelhouse => SharedWheelhouse.Value;

    /// <summary>tests/Pkgify.Core.Tests/Python/fixtures in the source tree.</summary>
    public static string Fixtures([CallerFilePath] string thisFile = "") =>
        Path.Combine(Path.GetDirectoryName(thisFile)!, "fixtures");

    /// <summary>A new empty directory, removed when the test run ends.</summary>
    public static string NewTempDir(string label)
    {
        var dir = Path.Combine(Path.GetTempPath(), $"pkgify-{label}-{Guid.NewGuid().ToString("N")[..12]}");
        Directory.CreateDirectory(dir);
        lock (Cleanup) Cleanup.Add(dir);
        return dir;
    }

    /// <summary>Removes every directory <see cref="NewTempDir"/> made.</summary>
    public static void RemoveTempDirs()
    {
        lock (Cleanup)
        {
            foreach (var dir in Cleanup.Where(Directory.Exists)) Directory.Delete(dir, recursive: true);
            Cleanup.Clear();
        }
    }

    /// <summary>Runs a program (the shared <see cref="ToolRunner"/>); a program that cannot start fails the test.</summary>
    public static ToolOutput Run(string program, params string[] arguments)
    {
        var result = ToolRunner.Run(program, arguments);
        return new ToolOutput(result.ExitCode, result.StdOut, result.StdErr);
    }

    /// <summary>Runs a program that must succeed; returns its standard output.</summary>
    public static string RunOk(string program, params string[] arguments) => ToolRunner.RunChecked(program, arguments).StdOut;

    /// <summary>
    /// A .pyc's PEP 552 flags word (1 = hash-based, unchecked) and its code object's
    /// co_filename, as the interpreter reads them: "1 /opt/x/venv/lib/.../cli.py".
    /// </summary>
    public static string PycFlagsAndFilename(string pyc) =>
        RunOk(Python, "-c",
            "import marshal, sys\nf = open(sys.argv[1], 'rb')\nh = f.read(16)\nprint(int.from_bytes(h[4:8], 'little'), marshal.load(f).co_filename)",
            pyc).Trim();

    /// <summary>The pip --hash value of a file.</summary>
    public static string PipHash(string file)
    {
        using var stream = File.OpenRead(file);
        return "sha256:" + Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string BuildWheelhouse()
    {
        var wheelhouse = NewTempDir("wheels");
        foreach (var project in new[] { "hello-app", "fastsum" })
        {
            // pip wheel writes build/ and *.egg-info next to setup.py: build from a copy.
            var source = Path.Combine(NewTempDir("src"), project);
            CopyTree(Path.Combine(Fixtures(), project), source);
            RunOk(Python, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
                "--disable-pip-version-check", "-w", wheelhouse, source);
        }
        return wheelhouse;
    }

    private static void CopyTree(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var dir in Directory.GetDirectories(from)) CopyTree(dir, Path.Combine(to, Path.GetFileName(dir)));
    }
}

/// <summary>Removes the run's temporary directories once every Python test is done.</summary>
[SetUpFixture]
public sealed class PythonTestCleanup
{
    /// <summary>Deletes temporary directories.</summary>
    [OneTimeTearDown]
    public void RemoveTempDirs() => PythonTestTools.RemoveTempDirs();
}
