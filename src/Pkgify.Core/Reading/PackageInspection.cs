namespace Pkgify.Core.Reading;

/// <summary>
/// What <c>pkgify inspect</c> shows of any .deb or .rpm (the contract's <c>inspect --json</c> object).
/// Relations are strings as the format writes them; scripts are keyed by the format's own phase names
/// (preinst/postinst/prerm/postrm; pre/post/preun/postun/pretrans/posttrans).
/// </summary>
public sealed record PackageInspection
{
    public required string Format { get; init; }
    public required string Name { get; init; }
    public int Epoch { get; init; }
    public required string Version { get; init; }
    public string Release { get; init; } = "";
    public required string Architecture { get; init; }
    public string Summary { get; init; } = "";
    public string Description { get; init; } = "";
    public IReadOnlyList<string> PreDepends { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Depends { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Recommends { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Suggests { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Provides { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Conflicts { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Breaks { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Replaces { get; init; } = Array.Empty<string>();
    public IReadOnlyList<string> Obsoletes { get; init; } = Array.Empty<string>();
    public IReadOnlyDictionary<string, string> Scripts { get; init; } = new Dictionary<string, string>();

    /// <summary>Every header field by name (Debian control fields; RPM tags by name) for what the typed properties leave out.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    /// <summary>md5 for .deb (from md5sums), the FILEDIGESTALGO's name for .rpm.</summary>
    public string DigestAlgorithm { get; init; } = "";
    public IReadOnlyList<InspectedFile> Files { get; init; } = Array.Empty<InspectedFile>();
}

/// <summary>One payload entry. Type is file, dir, symlink, hardlink, char, block, fifo; mode is octal permission bits.</summary>
public sealed record InspectedFile(
    string Path,
    string Type,
    string Mode,
    string Owner,
    string Group,
    long Size,
    string? Target,
    string? Digest,
    bool Config,
    long Mtime);
