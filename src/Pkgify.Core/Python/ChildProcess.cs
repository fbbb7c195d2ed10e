using System.ComponentModel;
using System.Diagnostics;

namespace Pkgify.Core.Python;

/// <summary>How a child process ended.</summary>
internal sealed record ChildProcessResult(int ExitCode, bool TimedOut);

/// <summary>
/// Runs a program with an argument vector (never through a shell, so paths with spaces or quotes
/// need no escaping) and hands each output line to a callback as it arrives. Both pipes are read
/// asynchronously so a child that fills one of them cannot deadlock us.
/// </summary>
internal static class ChildProcess
{
    /// <summary>Runs <paramref name="program"/> and waits for it.</summary>
    /// <param name="environment">Variables to set (value) or remove (null) on top of our own environment.</param>
    /// <exception cref="Win32Exception">The program cannot be started (missing, not executable).</exception>
    public static ChildProcessResult Run(
        string program,
        IEnumerable<string> arguments,
        IReadOnlyDictionary<string, string?> environment,
        Action<string> onStdout,
        Action<string> onStderr,
        TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(program)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null) start.Environment.Remove(name);
            else start.Environment[name] = value;
        }

        using var process = new Process { StartInfo = start };
        // The callbacks may run on two thread-pool threads at once; serialise them so callers can
        // write to one log without their own locking.
        var gate = new object();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (gate) onStdout(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (gate) onStderr(e.Data); };
        process.Start();
        // No child of ours reads stdin: an immediate EOF keeps a prompt from waiting forever.
        process.StandardInput.Close();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var finished = timeout is { } limit
            ? process.WaitForExit((int)Math.Min(limit.TotalMilliseconds, int.MaxValue))
            : process.WaitForExit(Timeout.Infinite);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new ChildProcessResult(-1, TimedOut: true);
        }
        // The parameterless wait also drains the asynchronous readers to end of stream.
        process.WaitForExit();
        return new ChildProcessResult(process.ExitCode, TimedOut: false);
    }
}
