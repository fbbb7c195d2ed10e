namespace Pkgify.Core.Model;

public enum FileKind { Regular, Directory, Symlink, Hardlink }

[Flags]
public enum FileFlags
{
    None = 0,
    /// <summary>A configuration file: Debian conffile, RPM %config.</summary>
    Config = 1,
    /// <summary>With <see cref="Config"/>: RPM %config(noreplace) (Debian conffiles always behave so).</summary>
    NoReplace = 2,
    /// <summary>RPM %doc.</summary>
    Doc = 4,
    /// <summary>RPM %license.</summary>
    License = 8,
    /// <summary>
    /// A parent directory added only so the tree is complete. dpkg needs every parent listed
    /// (formats.md §1.4) and reference-counts shared ones; an RPM must not own directories such as
    /// /opt or /etc that belong to the distribution's filesystem package, so its writer leaves these out.
    /// </summary>
    ImplicitParent = 16,
    /// <summary>Only in the .deb (e.g. /usr/share/lintian/overrides/&lt;name&gt;, which means nothing to rpm).</summary>
    OnlyDeb = 32,
    /// <summary>Only in the .rpm.</summary>
    OnlyRpm = 64,
}

/// <summary>
/// One entry of the installed tree. <see cref="Path"/> is absolute and normalized (<c>/opt/app/x</c>).
/// <see cref="Mode"/> holds permission bits only (07777); the kind gives the file type.
/// For symlinks <see cref="LinkTarget"/> is the target as written; for hardlinks it is the absolute path
/// of the set's first member (in sorted order), which is a regular file of the package, and
/// <see cref="Size"/> and <see cref="Source"/> repeat that file's.
/// </summary>
public sealed record PackageFile(
    string Path,
    FileKind Kind,
    int Mode,
    long MTime,
    long Size = 0,
    FileSource? Source = null,
    string LinkTarget = "",
    string Owner = "root",
    string Group = "root",
    FileFlags Flags = FileFlags.None)
{
    public bool IsConfig => (Flags & FileFlags.Config) != 0;

    public bool IsImplicitParent => (Flags & FileFlags.ImplicitParent) != 0;

    /// <summary>Whether the file belongs in the given family's package.</summary>
    public bool IsFor(PackageFamily family) =>
        (Flags & (family == PackageFamily.Deb ? FileFlags.OnlyRpm : FileFlags.OnlyDeb)) == 0;

    /// <summary>Path without the leading slash, as md5sums and archive names use it.</summary>
    public string RelativePath => Path.TrimStart('/');
}
