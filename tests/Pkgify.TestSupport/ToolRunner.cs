using System.ComponentModel;
using System.Diagnostics;
using System.Text;
using NUnit.Framework;

namespace Pkgify.TestSupport;

/// <summary>
/// Runs external tools (the real consumers of our artefacts) from tests. Arguments
/// are passed as a list, never through a shell, so paths with spaces or quotes
/// reach the tool unchanged.
/// </summary>
public static class ToolRunner
{
    /// <summary>Bound on one run when the caller gives none.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(10);

    // After the tool exits (or is killed) its output pipes must close soon; a
    // daemonised grandchild holding them open must not hang the test run.
    static readonly TimeSpan DrainGrace = TimeSpan.FromSeconds(10);

    // Tool messages are parsed by tests: pin the locale so they do not depend on the host.
    const string DefaultLocale = "C.UTF-8";

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> and returns its exit code
    /// and output. Fails the test when the tool is missing or exceeds
    /// <paramref name="timeout"/> (its whole process tree is killed first).
    /// <paramref name="env"/> entries are added to (or override) the inherited environment;
    /// LC_ALL defaults to C.UTF-8.
    /// </summary>
    public static ToolResult Run(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        var argList = args.ToList();
        var limit = timeout ?? DefaultTimeout;
        using var process = new Process { StartInfo = StartInfo(file, argList, workingDir, env) };
        TestContext.Out.WriteLine($"$ {CommandLine(file, argList)}");
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"cannot start {file}: {e.Message}. {MissingToolAdvice(file)}");
        }

        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        // Feed stdin concurrently: a tool that writes a lot before reading must not deadlock us.
        var feeder = Task.Run(() => Feed(process, stdin));

        if (!process.WaitForExit(limit))
        {
            KillTree(process);
            Assert.Fail($"{CommandLine(file, argList)} did not finish within {limit}; its process tree was killed.");
        }
        if (!Task.WaitAll([stdout, stderr, feeder], DrainGrace))
            Assert.Fail($"{CommandLine(file, argList)} exited but something it started kept its output open.");
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Like <see cref="Run"/>, and fails the test (showing stderr) unless the exit code is 0.</summary>
    public static ToolResult RunChecked(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        var argList = args.ToList();
        var result = Run(file, argList, workingDir, env, stdin, timeout);
        if (result.ExitCode != 0)
            Assert.Fail($"{CommandLine(file, argList)} exited with {result.ExitCode}\n"
                        + $"--- stderr ---\n{result.StdErr}\n--- stdout ---\n{result.StdOut}");
        return result;
    }

    /// <summary>
    /// Returns the full path of <paramref name="tool"/> on PATH, or FAILS the test naming
    /// the Debian package to add to build/test-deps.txt: a missing tool is a broken
    /// test machine, never a reason to skip a check.
    /// </summary>
    public static string Require(string tool)
    {
        var found = FindOnPath(tool);
        if (found is null)
            Assert.Fail($"required tool '{tool}' is not on PATH. {MissingToolAdvice(tool)}");
        return found!;
    }

    /// <summary>The full path of an executable <paramref name="tool"/> on PATH, or null.</summary>
    public static string? FindOnPath(string tool)
    {
        if (tool.Contains('/'))
            return IsExecutable(tool) ? System.IO.Path.GetFullPath(tool) : null;
        var path = Environment.GetEnvironmentVariable("PATH") ?? "";
        return path.Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => System.IO.Path.Combine(dir, tool))
            .FirstOrDefault(IsExecutable);
    }

    /// <summary>A readable one-line rendering of a command, for messages only (never executed).</summary>
    public static string CommandLine(string file, IEnumerable<string> args) =>
        string.Join(' ', new[] { file }.Concat(args).Select(Quote));

    static ProcessStartInfo StartInfo(string file, List<string> args, string? workingDir,
        IDictionary<string, string>? env)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = Utf8,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = workingDir ?? "",
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["LC_ALL"] = DefaultLocale;
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return info;
    }

    static void Feed(Process process, byte[]? stdin)
    {
        try
        {
            if (stdin is not null)
                process.StandardInput.BaseStream.Write(stdin);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The tool exited without reading everything (EPIPE); its exit code tells the test why.
        }
    }

    static void KillTree(Process process)
    {
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(DrainGrace);
        }
        catch (InvalidOperationException)
        {
            // It exited between the timeout and the kill: nothing left to stop.
        }
    }

    static bool IsExecutable(string path) =>
        !OperatingSystem.IsWindows()
        && File.Exists(path)
        && (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    static string MissingToolAdvice(string tool)
    {
        var package = DebianToolPackages.For(tool);
        return package is null
            ? "Add the Debian package that ships it to build/test-deps.txt (make deps installs that list)."
            : $"Add Debian package '{package}' to build/test-deps.txt (make deps installs that list).";
    }

    static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsLetterOrDigit(c) || "-_./=:+,@%".Contains(c))
            ? arg
            : "'" + arg.Replace("'", "'\\''") + "'";
}
