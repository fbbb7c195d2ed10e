namespace Pkgify.Core.Writers.Rpm;

/// <summary>One entry of a dependency triplet (NAME / FLAGS / VERSION tags, formats.md §2.8).</summary>
/// <param name="Name">Package, capability, file path or rich dependency <c>(a or b)</c>.</param>
/// <param name="Flags">RPMSENSE bits (<see cref="Pkgify.Formats.Rpm.RpmSenseFlags"/>).</param>
/// <param name="Version">EVR compared against, "" when unversioned.</param>
internal sealed record RpmDependency(string Name, int Flags, string Version = "");
