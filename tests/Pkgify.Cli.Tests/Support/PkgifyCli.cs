using System.Diagnostics;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Runs the real pkgify executable (out of process: real exit codes, real stdout/stderr).</summary>
public static class PkgifyCli
{
    private static readonly string Dll = typeof(Program).Assembly.Location;

    public static ToolResult Run(params string[] args) => Run(args, env: null);

    public static ToolResult Run(IEnumerable<string> args, IDictionary<string, string>? env, string? workingDir = null, string? umask = null)
    {
        if (umask is null)
            return ToolRunner.Run("dotnet", new[] { Dll }.Concat(args), workingDir, env, timeout: TimeSpan.FromMinutes(10));
        // umask is per process: set it in a shell that then execs pkgify.
        return ToolRunner.Run("sh", new[] { "-c", $"umask {umask}; exec dotnet \"$@\"", "sh", Dll }.Concat(args), workingDir, env, timeout: TimeSpan.FromMinutes(10));
    }

    /// <summary>
    /// Starts pkgify without waiting (for tests that kill it); its output is read and dropped so it never blocks
    /// on a full pipe. The caller kills or waits for it and disposes it.
    /// </summary>
    public static Process Start(IEnumerable<string> args, IDictionary<string, string>? env = null)
    {
        var info = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        info.ArgumentList.Add(Dll);
        foreach (var a in args)
            info.ArgumentList.Add(a);
        info.Environment["LC_ALL"] = "C.UTF-8";
        foreach (var (key, value) in env ?? new Dictionary<string, string>())
            info.Environment[key] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    public static ToolResult RunChecked(params string[] args)
    {
        var r = Run(args);
        if (r.ExitCode != 0)
            NUnit.Framework.Assert.Fail($"pkgify {string.Join(' ', args)} exited {r.ExitCode}\nstdout: {r.StdOut}\nstderr: {r.StdErr}");
        return r;
    }
}
