using System.Collections.Immutable;
using Pkgify.Core.Model;

namespace Pkgify.Core.Dependencies;

/// <summary>One version condition of an external dependency, e.g. <c>&gt;= 9.0</c>.</summary>
public sealed record VersionBound(RelationOperator Operator, string Version);

/// <summary>
/// One line of external-dependencies.txt: a PEP 345 <c>Requires-External</c> entry, e.g.
/// <c>libpq (&gt;=9.0); sys_platform == "linux"</c>.
/// </summary>
/// <param name="Name">The external name, e.g. <c>libpq</c>.</param>
/// <param name="Constraint">The version constraint as written between the parentheses, or null.</param>
/// <param name="Marker">The environment marker after ';', or null.</param>
/// <param name="File">The file it was read from.</param>
/// <param name="Line">Its 1-based line number.</param>
public sealed record ExternalDependency(string Name, string? Constraint, string? Marker, string File, int Line)
{
    /// <summary>The constraint, parsed: every bound must hold.</summary>
    public ImmutableArray<VersionBound> Bounds { get; init; } = [];

    /// <summary><c>file:line</c>, for messages.</summary>
    public string Where => $"{File}:{Line}";
}
