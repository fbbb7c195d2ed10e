namespace Pkgify.Core.Config;

/// <summary>What pkgify takes from <c>pyproject.toml</c>'s <c>[project]</c> table; null when absent there.</summary>
/// <param name="Name">project.name.</param>
/// <param name="Version">project.version.</param>
/// <param name="Summary">project.description (the one-line summary, PEP 621).</param>
/// <param name="License">project.license as a string, or its <c>text</c> when it is a table.</param>
/// <param name="VersionIsDynamic">True when project.dynamic lists "version".</param>
/// <param name="Homepage">project.urls Homepage (any case), or null.</param>
/// <param name="Maintainer">First of project.maintainers / project.authors with name and email, as "Name &lt;email&gt;".</param>
public sealed record PyProjectInfo(
    string? Name,
    string? Version,
    string? Summary,
    string? License,
    bool VersionIsDynamic = false,
    string? Homepage = null,
    string? Maintainer = null);
