using System.Diagnostics;
using System.Text;

namespace Pkgify.Formats.Tests.Support;

/// <summary>Result of running a real tool: exit code, raw stdout bytes and stderr text.</summary>
internal sealed record ToolResult(int ExitCode, byte[] StdOut, string StdErr)
{
    public string StdOutText => Encoding.UTF8.GetString(StdOut);
}

/// <summary>
/// Runs the real tools (GNU tar, binutils ar, dpkg-deb...) that prove our archives. A missing tool throws, so the
/// test fails rather than being skipped. Output is captured as bytes because archives go to stdout.
/// </summary>
internal static class ToolRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static ToolResult Run(string tool, IEnumerable<string> args, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(tool)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        // Fixed locale and zone so listings do not depend on the host.
        info.Environment["LC_ALL"] = "C.UTF-8";
        info.Environment["TZ"] = "UTC";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {tool}");
        process.StandardInput.Close();
        using var stdout = new MemoryStream();
        var copy = process.StandardOutput.BaseStream.CopyToAsync(stdout);
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {Timeout}");
        }

        copy.Wait();
        return new ToolResult(process.ExitCode, stdout.ToArray(), stderr.Result);
    }

    /// <summary>Runs a tool and fails with its stderr unless it exits 0.</summary>
    public static ToolResult Check(string tool, IEnumerable<string> args, string? workingDirectory = null,
        IDictionary<string, string>? environment = null)
    {
        var result = Run(tool, args, workingDirectory, environment);
        if (result.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{tool} {string.Join(' ', args)} exited {result.ExitCode}: {result.StdErr}");
        }

        return result;
    }
}
