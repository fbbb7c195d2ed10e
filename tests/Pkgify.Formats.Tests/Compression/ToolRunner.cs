using System.Diagnostics;
using System.Text;
using NUnit.Framework;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>What a real tool did: exit code, raw stdout bytes, stderr text.</summary>
internal sealed record ToolResult(int ExitCode, byte[] Stdout, string Stderr);

/// <summary>
/// Runs the real consuming tools (xz, zstd, gzip, pigz) with stdin/stdout as bytes. A tool that is not
/// installed fails the test: the proof is the tool's verdict, so a missing tool is no proof.
/// </summary>
internal static class ToolRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    /// <summary>True when <paramref name="tool"/> is an executable on PATH.</summary>
    public static bool IsInstalled(string tool) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Any(dir => File.Exists(Path.Combine(dir, tool)));

    /// <summary>Runs the tool, feeding <paramref name="stdin"/> (or nothing), and returns what it produced.</summary>
    public static ToolResult Run(string tool, IEnumerable<string> args, byte[]? stdin = null)
    {
        if (!IsInstalled(tool))
            Assert.Fail($"required tool '{tool}' is not installed (apt-get install it); the test needs its verdict");
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        info.Environment["LC_ALL"] = "C";

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"cannot start {tool}");
        var stdout = new MemoryStream();
        var readOut = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var readErr = process.StandardError.ReadToEndAsync();
        var writeIn = Task.Run(() =>
        {
            using var input = process.StandardInput.BaseStream;
            try
            {
                if (stdin != null)
                    input.Write(stdin);
            }
            catch (IOException)
            {
                // The tool may exit (e.g. on an error) before reading all of stdin; its exit code tells.
            }
        });
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{tool} {string.Join(' ', args)} did not finish within {Timeout}");
        }
        Task.WaitAll(readOut, readErr, writeIn);
        return new ToolResult(process.ExitCode, stdout.ToArray(), readErr.Result);
    }

    /// <summary>Runs the tool and fails the test unless it exits 0.</summary>
    public static byte[] RunOk(string tool, IEnumerable<string> args, byte[]? stdin = null)
    {
        var result = Run(tool, args, stdin);
        if (result.ExitCode != 0)
            Assert.Fail($"{tool} {string.Join(' ', args)} exited {result.ExitCode}: {result.Stderr.Trim()}");
        return result.Stdout;
    }
}
