using System.ComponentModel;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Python;

/// <summary>What <see cref="BytecodeCompiler.Compile"/> did.</summary>
/// <param name="PycFiles">How many .pyc files the tree holds afterwards.</param>
/// <param name="Failures">Sources compileall could not compile (paths relative to the tree); they run from source.</param>
public sealed record BytecodeReport(int PycFiles, IReadOnlyList<string> Failures);

/// <summary>
/// Compiles a relocated venv's sources to bytecode so that the installed application does not
/// try (and, under /opt owned by root, fail) to write __pycache__ on every start. The .pyc files
/// are reproducible: hash-based (PEP 552) instead of recording the source's mtime, and their
/// co_filename names the install path, not the build path.
/// </summary>
public static class BytecodeCompiler
{
    private const string PycExtension = ".pyc";
    private const string CompileErrorMarker = "*** Error compiling '";
    private const int ErrorLinesKept = 10;

    /// <summary>Compiles every .py below <paramref name="dir"/> as if it lived at <paramref name="targetPrefix"/>.</summary>
    /// <exception cref="BuildException">compileall crashed, or a .pyc still names <paramref name="dir"/>.</exception>
    public static BytecodeReport Compile(string dir, string targetPrefix, PythonInterpreter interpreter)
    {
        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir));
        var target = Path.TrimEndingDirectorySeparator(targetPrefix);
        string[] arguments =
        [
            // -I: PYTHONPATH or a user site must not change which compileall runs.
            "-I", "-m", "compileall",
            "-q",
            // One worker per core; each file's bytes depend only on its source, not on the worker.
            "-j0",
            // PEP 552: the header holds the source hash, not its mtime; "unchecked" because the
            // package manager owns these files, so Python need not re-hash the source per import.
            "--invalidation-mode", "unchecked-hash",
            // -d: the directory name recorded in the .pyc (tracebacks, __file__ of code objects)
            // is the install path.
            "-d", target,
            root,
        ];
        var failures = new List<string>();
        var errors = new LineTail(ErrorLinesKept);
        ChildProcessResult result;
        try
        {
            result = ChildProcess.Run(interpreter.Path, arguments, new Dictionary<string, string?>(),
                line => CollectFailure(line, root, failures, errors), errors.Add);
        }
        catch (Win32Exception e)
        {
            throw new BuildException($"compileall: cannot start {interpreter.Path} ({e.Message})", e);
        }
        // compileall exits 1 when any file failed to compile: that alone is a warning (pip and
        // Debian's py3compile treat it so), a failure without those lines is a crash.
        if (result.ExitCode != 0 && failures.Count == 0)
            throw new BuildException($"compileall failed (exit {result.ExitCode}): {string.Join(" / ", errors.Lines)}");

        var leaks = LeakCheck.Scan(root, [root], p => p.EndsWith(PycExtension, StringComparison.Ordinal));
        if (leaks.Count > 0)
            throw new BuildException($"{leaks.Count} .pyc file(s) still name {root}, e.g. {leaks[0]}: compileall ignored -d; check the interpreter {interpreter.Path}");
        var pycFiles = FileTree.Files(root).Count(e => e.RelativePath.EndsWith(PycExtension, StringComparison.Ordinal));
        failures.Sort(StringComparer.Ordinal);
        return new BytecodeReport(pycFiles, failures);
    }

    private static void CollectFailure(string line, string root, List<string> failures, LineTail errors)
    {
        // compileall -q prints "*** Error compiling '/path/x.py'..." for each file it cannot compile.
        var at = line.IndexOf(CompileErrorMarker, StringComparison.Ordinal);
        if (at < 0) { errors.Add(line); return; }
        var start = at + CompileErrorMarker.Length;
        var end = line.IndexOf('\'', start);
        var path = end < 0 ? line[start..] : line[start..end];
        failures.Add(Path.GetRelativePath(root, path));
    }
}
