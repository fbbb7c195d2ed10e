using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Runs rpmlint on a package and returns the error tags outside tests/rpmlint-allowlist.txt.</summary>
public static class Rpmlint
{
    public static (IReadOnlyList<string> Unexpected, ToolResult Result) Errors(string rpm)
    {
        var result = ToolRunner.Run("rpmlint", [rpm], timeout: TimeSpan.FromMinutes(5));
        // rpmlint prints "name.arch: E: tag details" and exits 64 when it found errors.
        var allowed = TagAllowlist.Load("rpmlint-allowlist.txt");
        var errors = result.StdOut.Split('\n')
            .Select(l => l.Split(' '))
            .Where(w => w.Length >= 3 && w[1] == "E:")
            .Select(w => w[2])
            .Where(tag => !allowed.Contains(tag))
            .ToList();
        return (errors, result);
    }
}
