using System.ComponentModel;
using System.Diagnostics;
using NUnit.Framework;

namespace Pkgify.Formats.Tests.Support;

/// <summary>What a finished external tool left behind.</summary>
public sealed record ToolResult(int ExitCode, byte[] StdOut, string StdErr)
{
    /// <summary>Standard output as UTF-8 text.</summary>
    public string Text => System.Text.Encoding.UTF8.GetString(StdOut);
}

/// <summary>
/// Runs the real tools (cpio, rpm, rpmbuild, rpm2cpio...) that prove our formats right. A missing tool fails the
/// test (it is a broken test machine, not a reason to skip); a non-zero exit fails it too unless allowed.
/// </summary>
public static class ToolRunner
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromMinutes(2);

    /// <summary>Runs <paramref name="tool"/> to completion, feeding <paramref name="stdin"/> and collecting stdout.</summary>
    public static ToolResult Run(string tool, IEnumerable<string> args, string? workDir = null, byte[]? stdin = null,
        bool allowFailure = false, TimeSpan? timeout = null) =>
        RunStreaming(tool, args, output =>
        {
            using var collected = new MemoryStream();
            output.CopyTo(collected);
            return collected.ToArray();
        }, workDir, stdin, allowFailure, timeout);

    /// <summary>
    /// Runs <paramref name="tool"/> and hands its stdout, as a stream, to <paramref name="consume"/> while it runs
    /// (for outputs too large to hold, e.g. a multi-GiB cpio from rpm2cpio). The rest of stdout is drained after.
    /// </summary>
    public static ToolResult RunStreaming(string tool, IEnumerable<string> args, Func<Stream, byte[]> consume,
        string? workDir = null, byte[]? stdin = null, bool allowFailure = false, TimeSpan? timeout = null)
    {
        var start = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workDir ?? Environment.CurrentDirectory,
        };
        foreach (string arg in args)
            start.ArgumentList.Add(arg);
        // Tool output must not depend on the tester's locale or timezone.
        start.Environment["LC_ALL"] = "C";
        start.Environment["TZ"] = "UTC";

        using var process = StartOrFail(start);
        var stderr = process.StandardError.ReadToEndAsync();
        var feeder = Task.Run(() =>
        {
            try
            {
                if (stdin is not null)
                    process.StandardInput.BaseStream.Write(stdin);
            }
            catch (IOException)
            {
                // The tool stopped reading early; its exit status tells the story.
            }
            finally
            {
                process.StandardInput.Close();
            }
        });

        byte[] output = consume(process.StandardOutput.BaseStream);
        process.StandardOutput.BaseStream.CopyTo(Stream.Null);
        if (!process.WaitForExit(timeout ?? DefaultTimeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} did not finish within {timeout ?? DefaultTimeout}");
        }
        feeder.Wait();
        var result = new ToolResult(process.ExitCode, output, stderr.Result);
        if (!allowFailure && result.ExitCode != 0)
            Assert.Fail($"{tool} {string.Join(' ', start.ArgumentList)} exited {result.ExitCode}:\n{result.StdErr}");
        return result;
    }

    private static Process StartOrFail(ProcessStartInfo start)
    {
        try
        {
            return Process.Start(start) ?? throw new InvalidOperationException($"{start.FileName} did not start");
        }
        catch (Win32Exception e)
        {
            Assert.Fail($"required tool '{start.FileName}' is not installed or not runnable: {e.Message}");
            throw; // unreachable: Assert.Fail throws
        }
    }
}
