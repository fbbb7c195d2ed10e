namespace Pkgify.Core.Repositories.Yum;

/// <summary>One <c>&lt;rpm:entry&gt;</c> of a dependency list in primary.xml (formats.md §4.3).</summary>
/// <param name="Name">The capability.</param>
/// <param name="Flags">EQ, LT, GT, LE, GE, or null for an unversioned entry.</param>
/// <param name="Epoch">The epoch ("0" when the version has none), null when unversioned.</param>
/// <param name="Version">The version, null when unversioned.</param>
/// <param name="Release">The release, null when the version has none.</param>
/// <param name="Pre">True for requires needed before install (pre="1").</param>
public sealed record RpmDependencyEntry(string Name, string? Flags, string? Epoch, string? Version, string? Release, bool Pre);
