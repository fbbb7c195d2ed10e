namespace Pkgify.Core.Config;

/// <summary>Relations (e.g. <c>depends:</c>) given per package family, each written in that family's syntax.</summary>
/// <param name="Deb">Debian relations, e.g. <c>libpq5 (&gt;= 15)</c>.</param>
/// <param name="Rpm">RPM relations, e.g. <c>libpq &gt;= 15</c>.</param>
public sealed record FamilyRelations(IReadOnlyList<string> Deb, IReadOnlyList<string> Rpm)
{
    /// <summary>No relations.</summary>
    public static FamilyRelations None { get; } = new([], []);
}
