using System.Diagnostics;

namespace Pkgify.Core.Tests.Support;

/// <summary>Result of running an external tool.</summary>
internal sealed record ToolResult(int ExitCode, string Stdout, string Stderr)
{
    public override string ToString() => $"exit {ExitCode}\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

/// <summary>
/// Runs the real tools that prove rendered files right. A tool that is not installed fails the
/// test (it is never skipped).
/// </summary>
internal static class ToolRunner
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static ToolResult Run(string tool, IEnumerable<string> args, string? workingDirectory = null, IDictionary<string, string>? environment = null, string? stdin = null)
    {
        var path = Resolve(tool);
        var start = new ProcessStartInfo(path)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        if (environment is not null)
        {
            foreach (var (key, value) in environment) start.Environment[key] = value;
        }
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (stdin is not null)
        {
            process.StandardInput.Write(stdin);
            process.StandardInput.Close();
        }
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{tool} did not finish within {Timeout}");
        }
        return new ToolResult(process.ExitCode, stdout.Result, stderr.Result);
    }

    /// <summary>Runs and requires exit status 0.</summary>
    public static ToolResult Check(string tool, params string[] args)
    {
        var result = Run(tool, args);
        if (result.ExitCode != 0) throw new InvalidOperationException($"{tool} {string.Join(' ', args)} failed: {result}");
        return result;
    }

    /// <summary>The absolute path of <paramref name="tool"/> on PATH (or sbin), or a failure naming the Debian package.</summary>
    public static string Resolve(string tool)
    {
        if (Path.IsPathRooted(tool)) return tool;
        var dirs = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Concat(["/usr/sbin", "/sbin", "/usr/bin", "/bin"]);
        return dirs.Select(d => Path.Combine(d, tool)).FirstOrDefault(File.Exists)
            ?? throw new FileNotFoundException($"required tool '{tool}' is not installed (apt-get install the package that provides it)");
    }
}
