namespace Pkgify.Core.Model;

/// <summary>
/// Directories a package installed into the whole file system (<c>pack --prefix /</c>) shares with the
/// distribution rather than owns, and the documentation trees whose files rpm marks as %doc.
/// </summary>
public static class SystemDirectories
{
    /// <summary>
    /// The FHS 3.0 hierarchy (§3 root, §4 /usr, §5 /var) and systemd's unit directories: the distribution's base
    /// packages (Debian base-files, RPM filesystem and systemd) own them. An RPM that owns one too conflicts as
    /// soon as its mode differs, and rpmlint reports standard-dir-owned-by-package.
    /// </summary>
    private static readonly HashSet<string> Shared = new(StringComparer.Ordinal)
    {
        "/", "/bin", "/boot", "/etc", "/etc/opt", "/home", "/lib", "/lib64", "/media", "/mnt", "/opt", "/root",
        "/run", "/sbin", "/srv", "/tmp",
        "/usr", "/usr/bin", "/usr/include", "/usr/lib", "/usr/lib64", "/usr/libexec", "/usr/sbin", "/usr/src",
        "/usr/local", "/usr/local/bin", "/usr/local/etc", "/usr/local/lib", "/usr/local/sbin", "/usr/local/share",
        "/usr/share", "/usr/share/doc", "/usr/share/info", "/usr/share/man",
        "/usr/share/man/man1", "/usr/share/man/man2", "/usr/share/man/man3", "/usr/share/man/man4", "/usr/share/man/man5",
        "/usr/share/man/man6", "/usr/share/man/man7", "/usr/share/man/man8", "/usr/share/man/man9",
        "/var", "/var/cache", "/var/lib", "/var/log", "/var/opt", "/var/spool", "/var/tmp",
        "/usr/lib/systemd", "/usr/lib/systemd/system", "/etc/systemd", "/etc/systemd/system",
    };

    /// <summary>rpm's <c>%__docdir_path</c> (/usr/lib/rpm/macros): rpmbuild marks files below these as %doc.</summary>
    private static readonly string[] DocumentationRoots = ["/usr/share/doc/", "/usr/share/man/", "/usr/share/info/"];

    /// <summary>True for a directory the distribution owns (see <see cref="Shared"/>).</summary>
    public static bool IsShared(string path) => Shared.Contains(path);

    /// <summary>True for a path below a documentation tree.</summary>
    public static bool IsDocumentation(string path) => DocumentationRoots.Any(root => path.StartsWith(root, StringComparison.Ordinal));
}
