namespace Pkgify.Core.Repositories.Yum;

/// <summary>One package as primary, filelists and other describe it (formats.md §4.3, §4.4).</summary>
public sealed record RpmMetadata
{
    public required string Name { get; init; }
    public required string Arch { get; init; }
    public required string Epoch { get; init; }
    public required string Version { get; init; }
    public required string Release { get; init; }

    /// <summary>SHA-256 of the whole .rpm file: the pkgid dnf checks a download against.</summary>
    public required string PkgId { get; init; }
    public string Summary { get; init; } = "";
    public string Description { get; init; } = "";
    public string Packager { get; init; } = "";
    public string Url { get; init; } = "";
    public long FileTime { get; init; }
    public long BuildTime { get; init; }
    public long PackageSize { get; init; }
    public long InstalledSize { get; init; }
    public long ArchiveSize { get; init; }

    /// <summary>Path relative to the repository root, '/'-separated.</summary>
    public required string Location { get; init; }
    public string License { get; init; } = "";
    public string Vendor { get; init; } = "";
    public string Group { get; init; } = "";
    public string BuildHost { get; init; } = "";
    public string SourceRpm { get; init; } = "";

    /// <summary>Offset of the main header in the file, and of its end.</summary>
    public long HeaderStart { get; init; }
    public long HeaderEnd { get; init; }

    /// <summary>Dependency lists by primary.xml element name ("provides", "requires", ...), in document order.</summary>
    public IReadOnlyList<(string Element, IReadOnlyList<RpmDependencyEntry> Entries)> Dependencies { get; init; } = [];

    /// <summary>Every file in header order with its kind: null (file or symlink), "dir" or "ghost".</summary>
    public IReadOnlyList<(string Path, string? Type)> Files { get; init; } = [];

    /// <summary>Changelog entries as the header stores them (newest first).</summary>
    public IReadOnlyList<(string Author, long Date, string Text)> Changelog { get; init; } = [];
}
