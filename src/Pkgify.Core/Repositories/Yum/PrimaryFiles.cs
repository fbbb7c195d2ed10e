namespace Pkgify.Core.Repositories.Yum;

/// <summary>
/// Which paths primary.xml lists (the rest is only in filelists.xml): those dependency solvers commonly need,
/// per createrepo_c's rule (formats.md §4.3): under /etc/, containing "bin/", or /usr/lib/sendmail.
/// </summary>
public static class PrimaryFiles
{
    /// <summary>True when <paramref name="path"/> belongs in primary.xml.</summary>
    public static bool IsPrimary(string path) =>
        path.StartsWith("/etc/", StringComparison.Ordinal)
        || path.Contains("bin/", StringComparison.Ordinal)
        || path == "/usr/lib/sendmail";
}
