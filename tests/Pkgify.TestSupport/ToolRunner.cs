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
    // Listings print local times (tar -tv, rpm -qi, cpio -tv): pin the zone too.
    const string DefaultTimeZone = "UTC";

    static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> and returns its exit code
    /// and output. Fails the test when the tool is missing or exceeds
    /// <paramref name="timeout"/> (its whole process tree is killed first).
    /// <paramref name="env"/> entries are added to (or override) the inherited environment;
    /// LC_ALL defaults to C.UTF-8 and TZ to UTC.
    /// </summary>
    public static ToolResult Run(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        var result = RunBytes(file, args, workingDir, env, stdin, timeout);
        return new ToolResult(result.ExitCode, result.StdOutText, result.StdErr);
    }

    /// <summary>Like <see cref="Run"/>, and fails the test (showing stderr) unless the exit code is 0.</summary>
    public static ToolResult RunChecked(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        var argList = args.ToList();
        var result = Run(file, argList, workingDir, env, stdin, timeout);
        FailUnlessZero(file, argList, result.ExitCode, result.StdErr, result.StdOut);
        return result;
    }

    /// <summary>Like <see cref="Run"/>, keeping standard output as raw bytes (an archive written to stdout).</summary>
    public static BinaryToolResult RunBytes(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        using var collected = new MemoryStream();
        var (exitCode, stderr) = Execute(file, args.ToList(), workingDir, env, FeedBytes(stdin),
            stdout => stdout.CopyTo(collected), timeout);
        return new BinaryToolResult(exitCode, collected.ToArray(), stderr);
    }

    /// <summary>Like <see cref="RunBytes"/>, and fails the test (showing stderr) unless the exit code is 0.</summary>
    public static BinaryToolResult RunBytesChecked(string file, IEnumerable<string> args, string? workingDir = null,
        IDictionary<string, string>? env = null, byte[]? stdin = null, TimeSpan? timeout = null)
    {
        var argList = args.ToList();
        var result = RunBytes(file, argList, workingDir, env, stdin, timeout);
        FailUnlessZero(file, argList, result.ExitCode, result.StdErr, "(binary)");
        return result;
    }

    /// <summary>
    /// Runs <paramref name="file"/> and hands its standard output, as a stream, to <paramref name="readStdout"/>
    /// while it runs, for outputs too large to hold (a multi-GiB cpio from rpm2cpio or zstd -dc); whatever the
    /// reader leaves is drained. <paramref name="stdin"/>, when given, is copied to the tool's standard input. If
    /// <paramref name="readStdout"/> throws, the tool is killed and the exception rethrown. The returned
    /// <see cref="ToolResult.StdOut"/> is empty: the output went to the reader.
    /// </summary>
    public static ToolResult RunStreaming(string file, IEnumerable<string> args, Action<Stream> readStdout,
        string? workingDir = null, IDictionary<string, string>? env = null, Stream? stdin = null,
        TimeSpan? timeout = null)
    {
        var (exitCode, stderr) = Execute(file, args.ToList(), workingDir, env,
            stdin is null ? null : input => stdin.CopyTo(input), readStdout, timeout);
        return new ToolResult(exitCode, "", stderr);
    }

    /// <summary>Like <see cref="RunStreaming"/>, and fails the test (showing stderr) unless the exit code is 0.</summary>
    public static ToolResult RunStreamingChecked(string file, IEnumerable<string> args, Action<Stream> readStdout,
        string? workingDir = null, IDictionary<string, string>? env = null, Stream? stdin = null,
        TimeSpan? timeout = null)
    {
        var argList = args.ToList();
        var result = RunStreaming(file, argList, readStdout, workingDir, env, stdin, timeout);
        FailUnlessZero(file, argList, result.ExitCode, result.StdErr, "(streamed)");
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

    static (int ExitCode, string StdErr) Execute(string file, List<string> argList, string? workingDir,
        IDictionary<string, string>? env, Action<Stream>? feedStdin, Action<Stream> readStdout, TimeSpan? timeout)
    {
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

        var stderr = process.StandardError.ReadToEndAsync();
        // Feed stdin and read stdout concurrently: a tool that writes a lot before reading must not deadlock us.
        var feeder = Task.Run(() => Feed(process, feedStdin));
        var reader = Task.Run(() =>
        {
            var stdout = process.StandardOutput.BaseStream;
            readStdout(stdout);
            stdout.CopyTo(Stream.Null);
        });

        var exited = process.WaitForExitAsync();
        var deadline = Task.Delay(limit);
        var first = Task.WhenAny(exited, reader, deadline).GetAwaiter().GetResult();
        if (first == reader && reader.IsFaulted)
        {
            // The reader gave up (e.g. an assertion on streamed output): the tool would block on a full pipe.
            KillTree(process);
            reader.GetAwaiter().GetResult();
        }
        if (first == deadline || Task.WhenAny(exited, deadline).GetAwaiter().GetResult() == deadline)
        {
            KillTree(process);
            Assert.Fail($"{CommandLine(file, argList)} did not finish within {limit}; its process tree was killed.");
        }
        var drained = Task.WhenAll(reader, stderr, feeder);
        if (Task.WhenAny(drained, Task.Delay(DrainGrace)).GetAwaiter().GetResult() != drained)
            Assert.Fail($"{CommandLine(file, argList)} exited but something it started kept its output open.");
        reader.GetAwaiter().GetResult();
        return (process.ExitCode, stderr.Result);
    }

    static void FailUnlessZero(string file, List<string> argList, int exitCode, string stderr, string stdout)
    {
        if (exitCode != 0)
            Assert.Fail($"{CommandLine(file, argList)} exited with {exitCode}\n"
                        + $"--- stderr ---\n{stderr}\n--- stdout ---\n{stdout}");
    }

    static Action<Stream>? FeedBytes(byte[]? stdin) => stdin is null ? null : input => input.Write(stdin);

    static ProcessStartInfo StartInfo(string file, List<string> args, string? workingDir,
        IDictionary<string, string>? env)
    {
        var info = new ProcessStartInfo(file)
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardErrorEncoding = Utf8,
            WorkingDirectory = workingDir ?? "",
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["LC_ALL"] = DefaultLocale;
        info.Environment["TZ"] = DefaultTimeZone;
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        return info;
    }

    static void Feed(Process process, Action<Stream>? feedStdin)
    {
        try
        {
            feedStdin?.Invoke(process.StandardInput.BaseStream);
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
