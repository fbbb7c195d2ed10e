using System.ComponentModel;
using System.Text;
using Pkgify.Core.Errors;
using Pkgify.Core.Output;

namespace Pkgify.Core.Python;

/// <summary>
/// Builds the virtualenv: `python -m venv DIR` (symlinks to the interpreter, venv's default on
/// POSIX, so the venv uses the python3.X that targets install), then pip installs the
/// requirements into it. Relocation to the install path and bytecode come later
/// (<see cref="VenvRelocator"/>, <see cref="BytecodeCompiler"/>).
/// </summary>
public static class VenvBuilder
{
    /// <summary>
    /// pip settings that would install somewhere other than the venv (pip's --target, --prefix,
    /// --root, --user): with them the venv would ship without the application's dependencies.
    /// </summary>
    private static readonly string[] RedirectingPipVariables = ["PIP_TARGET", "PIP_PREFIX", "PIP_ROOT", "PIP_USER"];

    private const int ErrorLinesKept = 20;
    private const int TailLinesKept = 5;
    private const string PipErrorPrefix = "ERROR:";

    /// <summary>Builds the venv described by <paramref name="request"/>.</summary>
    /// <exception cref="UsageException">The request contradicts itself or the environment redirects pip.</exception>
    /// <exception cref="BuildException">venv or pip failed; the message has pip's errors and the log path.</exception>
    /// <param name="request">What to build.</param>
    /// <param name="onOutput">Given each line venv and pip print (they also go to the log), e.g. for progress.</param>
    public static VenvBuildResult Build(VenvBuildRequest request, Action<string>? onOutput = null)
    {
        CheckRequest(request);
        var venv = Path.GetFullPath(request.VenvDir);
        var log = Path.GetFullPath(request.LogPath);
        var logDir = Path.GetDirectoryName(log)!;
        Directory.CreateDirectory(logDir);
        var environment = ChildEnvironment(request.SourceDateEpoch);
        // The log is written under a per-process temp name and renamed to LogPath when venv and pip are done,
        // whether they succeeded or not: two builds sharing a log path (same project, same cache) never
        // interleave their lines, and the path an error message names is complete and exists.
        var tempPrefix = AtomicFile.TempPrefix(Path.GetFileName(log));
        StaleTemps.RemoveFiles(logDir, tempPrefix);
        var temp = Path.Combine(logDir, tempPrefix + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            using var writer = new StreamWriter(temp, append: false, new UTF8Encoding(false));
            Run("python -m venv", request.Interpreter.Path, ["-m", "venv", venv], environment, writer, log, onOutput);
            Run("pip install", Path.Combine(venv, "bin", "python"), PipArguments(request), environment, writer, log, onOutput);
        }
        finally
        {
            if (File.Exists(temp))
                File.Move(temp, log, overwrite: true);
        }
        RemoveBytecode(venv);
        return new VenvBuildResult(venv, log);
    }

    private static void CheckRequest(VenvBuildRequest request)
    {
        if (!Path.IsPathRooted(request.VenvDir))
            throw new ArgumentException($"venv directory must be absolute: {request.VenvDir}", nameof(request));
        if (Directory.Exists(request.VenvDir) && Directory.EnumerateFileSystemEntries(request.VenvDir).Any())
            throw new BuildException($"venv directory {request.VenvDir} already exists and is not empty: remove it or build into a fresh directory");
        if (request.Wheelhouse is not null && request.IndexUrl is not null)
            throw new UsageException("pkgify.yaml: wheelhouse and index_url are both set, but a wheelhouse means pip --no-index: keep one of them");
        if (request.Wheelhouse is not null && !Directory.Exists(request.Wheelhouse))
            throw new UsageException($"pkgify.yaml: wheelhouse: directory '{request.Wheelhouse}' not found: create it with pip wheel -r requirements.txt -w {request.Wheelhouse}, or remove the key");
        foreach (var name in RedirectingPipVariables)
        {
            if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable(name)))
                throw new UsageException($"environment: {name} is set, which makes pip install outside the virtualenv: unset {name} for pkgify build");
        }
    }

    private static Dictionary<string, string?> ChildEnvironment(long? sourceDateEpoch)
    {
        // Everything else (PIP_* variables, pip.conf via HOME/XDG_CONFIG_HOME, proxies, certificates)
        // is inherited: an index mirror set up for pip must work for pkgify too.
        var environment = new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            // PYTHONHOME would point the venv's interpreter at another standard library, and
            // PYTHONPATH would let pip count packages found there as installed and skip them.
            ["PYTHONHOME"] = null,
            ["PYTHONPATH"] = null,
            // Bytecode is compiled after relocation, with paths of the install location.
            ["PYTHONDONTWRITEBYTECODE"] = "1",
        };
        if (sourceDateEpoch is { } epoch)
            environment["SOURCE_DATE_EPOCH"] = epoch.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return environment;
    }

    private static List<string> PipArguments(VenvBuildRequest request)
    {
        List<string> arguments =
        [
            "-m", "pip", "install",
            // No bytecode now: it would name the build path (BytecodeCompiler runs after relocation).
            "--no-compile",
            "--disable-pip-version-check",
            "--no-input",
            "--progress-bar", "off",
            "-r", Path.GetFullPath(request.RequirementsPath),
        ];
        if (request.RequireHashes) arguments.Add("--require-hashes");
        if (request.Wheelhouse is not null) arguments.AddRange(["--no-index", "--find-links", Path.GetFullPath(request.Wheelhouse)]);
        if (request.IndexUrl is not null) arguments.AddRange(["--index-url", request.IndexUrl]);
        return arguments;
    }

    private static void Run(string step, string program, IReadOnlyList<string> arguments,
        IReadOnlyDictionary<string, string?> environment, StreamWriter log, string logPath, Action<string>? onOutput)
    {
        log.WriteLine($"$ {program} {string.Join(' ', arguments)}");
        var errors = new LineTail(ErrorLinesKept);
        var tail = new LineTail(TailLinesKept);
        ChildProcessResult result;
        try
        {
            result = ChildProcess.Run(program, arguments, environment, line =>
            {
                log.WriteLine(line);
                onOutput?.Invoke(line);
            }, line =>
            {
                log.WriteLine(line);
                onOutput?.Invoke(line);
                if (line.StartsWith(PipErrorPrefix, StringComparison.Ordinal)) errors.Add(line.Trim());
                if (line.Trim().Length > 0) tail.Add(line.Trim());
            });
        }
        catch (Win32Exception e)
        {
            throw new BuildException($"{step}: cannot start {program} ({e.Message}); log: {logPath}", e);
        }
        log.Flush();
        if (result.ExitCode == 0) return;
        var shown = errors.Lines.Count > 0 ? errors.Lines : tail.Lines;
        throw new BuildException($"{step} failed (exit {result.ExitCode}): {string.Join(" / ", shown)}{Hint(step, shown)}; full log: {logPath}");
    }

    /// <summary>Debian splits ensurepip out of the interpreter package; say which package fixes it.</summary>
    private static string Hint(string step, IReadOnlyList<string> shown) =>
        step.Contains("venv", StringComparison.Ordinal) && shown.Any(l => l.Contains("ensurepip", StringComparison.Ordinal))
            ? " (on Debian/Ubuntu install the python3.X-venv package)"
            : "";

    private static void RemoveBytecode(string venv)
    {
        // ensurepip compiles pip and setuptools while creating the venv; those .pyc files name the
        // build path. They are recompiled after relocation.
        var caches = FileTree.Walk(venv)
            .Where(e => e.Kind == FileTreeEntryKind.Directory && Path.GetFileName(e.FullPath) == "__pycache__")
            .Select(e => e.FullPath)
            .ToList();
        foreach (var cache in caches.Where(Directory.Exists)) Directory.Delete(cache, recursive: true);
    }
}
