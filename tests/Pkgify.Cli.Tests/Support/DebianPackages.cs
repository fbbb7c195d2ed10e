using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Real packages from Debian's archive, downloaded once per machine and cached.</summary>
public static class DebianPackages
{
    private const string CacheDir = "/var/cache/pkgify-tests/debs";

    public static string Download(string name)
    {
        Directory.CreateDirectory(CacheDir);
        var existing = Directory.GetFiles(CacheDir, name + "_*.deb");
        if (existing.Length > 0)
            return existing[0];
        ToolRunner.Require("apt-get");
        var r = ToolRunner.Run("apt-get", new[] { "download", name }, CacheDir, timeout: TimeSpan.FromMinutes(5));
        if (r.ExitCode != 0)
        {
            // A machine whose package lists were never fetched: fetch them once, then retry.
            ToolRunner.RunChecked("apt-get", new[] { "update", "-qq" }, timeout: TimeSpan.FromMinutes(10));
            ToolRunner.RunChecked("apt-get", new[] { "download", name }, CacheDir, timeout: TimeSpan.FromMinutes(5));
        }
        return Directory.GetFiles(CacheDir, name + "_*.deb").Single();
    }
}
