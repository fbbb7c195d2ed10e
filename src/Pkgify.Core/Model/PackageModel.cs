using System.Collections.Immutable;

namespace Pkgify.Core.Model;

/// <summary>Name, version and architecture: what identifies a package to dpkg and rpm.</summary>
public sealed record PackageIdentity(string Name, PackageVersion Version, PackageArchitecture Architecture);

/// <summary>Descriptive fields. Section/Priority are Debian's, Group/Vendor RPM's; writers take what they know.</summary>
public sealed record PackageMetadata(
    string Summary,
    string Description,
    string Maintainer,
    string License = "",
    string Homepage = "",
    string Section = "misc",
    string Priority = "optional",
    string Group = "Unspecified",
    string Vendor = "");

/// <summary>
/// The one format-neutral description of a package, built once by <see cref="PackageNormalizer"/> and then
/// read by every writer. Files are complete (every parent directory present) and sorted by the UTF-8 bytes
/// of their path; every mtime is <see cref="BuildTime"/>.
/// </summary>
public sealed record PackageModel(
    PackageIdentity Identity,
    PackageMetadata Metadata,
    ImmutableArray<PackageFile> Files,
    FamilyParts Deb,
    FamilyParts Rpm,
    long BuildTime)
{
    /// <summary>
    /// Absolute paths of directories whose content is expected to repeat unchanged from build to build (the
    /// virtualenv). Writers compress the payload entries below them as a segment of their own, so that a
    /// cache can reuse its compressed bytes (<see cref="Pkgify.Core.Writers.Segments.SegmentCache"/>).
    /// Empty: the payload is one compressed stream, as always.
    /// </summary>
    public ImmutableArray<string> CacheableTrees { get; init; } = [];

    /// <summary>The changelog, newest entry first. Empty: the packages carry none (no empty tags or files).</summary>
    public ImmutableArray<ChangelogEntry> Changelog { get; init; } = [];

    public FamilyParts For(PackageFamily family) => family == PackageFamily.Deb ? Deb : Rpm;

    /// <summary>The files one family's package holds: all but those flagged for the other family only.</summary>
    public IEnumerable<PackageFile> FilesFor(PackageFamily family) => Files.Where(f => f.IsFor(family));
}
