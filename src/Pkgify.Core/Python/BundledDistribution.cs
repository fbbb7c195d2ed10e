namespace Pkgify.Core.Python;

/// <summary>A Python distribution installed in the venv, for the package's documentation.</summary>
/// <param name="Name">The name as its METADATA spells it (e.g. "Flask").</param>
/// <param name="Version">Its version.</param>
/// <param name="License">Its license as declared ("UNKNOWN" when it declares none).</param>
public sealed record BundledDistribution(string Name, string Version, string License);
