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

    public static ToolResult RunChecked(params string[] args)
    {
        var r = Run(args);
        if (r.ExitCode != 0)
            NUnit.Framework.Assert.Fail($"pkgify {string.Join(' ', args)} exited {r.ExitCode}\nstdout: {r.StdOut}\nstderr: {r.StdErr}");
        return r;
    }
}
