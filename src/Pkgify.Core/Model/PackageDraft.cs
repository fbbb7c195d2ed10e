namespace Pkgify.Core.Model;

/// <summary>
/// Everything a front end (pack, build) gathered before normalization: raw name and version strings,
/// files in any order, possibly without their parent directories. <see cref="PackageNormalizer"/> turns
/// it into the immutable <see cref="PackageModel"/>; nothing else reads a draft.
/// </summary>
public sealed class PackageDraft
{
    public required string Name { get; init; }

    /// <summary>Upstream version as the user wrote it; PEP 440 forms are accepted.</summary>
    public required string Version { get; init; }

    public string Release { get; init; } = "1";

    /// <summary>Either family's name; null lets the normalizer choose from the payload.</summary>
    public string? Architecture { get; init; }

    public required PackageMetadata Metadata { get; init; }

    public List<PackageFile> Files { get; } = new();

    /// <summary>The changelog, newest entry first; empty (pack) writes none.</summary>
    public List<ChangelogEntry> Changelog { get; } = new();

    public FamilyParts Deb { get; set; } = FamilyParts.Empty;

    public FamilyParts Rpm { get; set; } = FamilyParts.Empty;

    /// <summary>SOURCE_DATE_EPOCH when given; otherwise the normalizer derives a time from the inputs.</summary>
    public long? SourceDateEpoch { get; init; }

    /// <summary>
    /// True (build): every entry gets the build time. False (pack): the tree's mtimes are kept, clamped to it.
    /// </summary>
    public bool DateEveryEntryAtBuildTime { get; init; }

    /// <summary>
    /// Directories whose content repeats unchanged from build to build (build: the virtualenv); see
    /// <see cref="PackageModel.CacheableTrees"/>. With <see cref="DateEveryEntryAtBuildTime"/>, the entries below
    /// them are dated at <see cref="PackageNormalizer.CacheableTreeTime"/> instead of the build time.
    /// </summary>
    public List<string> CacheableTrees { get; } = new();
}
