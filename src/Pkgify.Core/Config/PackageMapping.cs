namespace Pkgify.Core.Config;

/// <summary>
/// One <c>mappings:</c> entry: the packages an external dependency name stands for in each family.
/// Null means "not mapped here for this family" (built-in knowledge applies); an empty list means
/// "nothing is needed on this family".
/// </summary>
/// <param name="Deb">Debian relations, or null.</param>
/// <param name="Rpm">RPM relations, or null.</param>
public sealed record PackageMapping(IReadOnlyList<string>? Deb, IReadOnlyList<string>? Rpm);
