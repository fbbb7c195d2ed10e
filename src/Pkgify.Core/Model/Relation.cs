using System.Collections.Immutable;

namespace Pkgify.Core.Model;

/// <summary>Version comparison of a relation. Debian spells them <c>&lt;&lt; &lt;= = &gt;= &gt;&gt;</c>, RPM <c>&lt; &lt;= = &gt;= &gt;</c>.</summary>
public enum RelationOperator { None, Less, LessOrEqual, Equal, GreaterOrEqual, Greater }

/// <summary>One package name with an optional version constraint, e.g. <c>libpq5 (&gt;= 15)</c>.</summary>
public sealed record Relation(string Name, RelationOperator Operator = RelationOperator.None, string Version = "")
{
    public string DebOperator => Operator switch
    {
        RelationOperator.Less => "<<",
        RelationOperator.LessOrEqual => "<=",
        RelationOperator.Equal => "=",
        RelationOperator.GreaterOrEqual => ">=",
        RelationOperator.Greater => ">>",
        _ => "",
    };

    public string RpmOperator => Operator switch
    {
        RelationOperator.Less => "<",
        RelationOperator.LessOrEqual => "<=",
        RelationOperator.Equal => "=",
        RelationOperator.GreaterOrEqual => ">=",
        RelationOperator.Greater => ">",
        _ => "",
    };

    /// <summary>deb-control(5) form: <c>name (op version)</c>.</summary>
    public string ToDeb() => Operator == RelationOperator.None ? Name : $"{Name} ({DebOperator} {Version})";

    /// <summary>rpm form: <c>name op version</c>.</summary>
    public string ToRpm() => Operator == RelationOperator.None ? Name : $"{Name} {RpmOperator} {Version}";
}

/// <summary>
/// Alternatives that satisfy one requirement (Debian <c>a | b</c>; RPM rich dependency <c>(a or b)</c>).
/// Most groups hold exactly one relation.
/// </summary>
public sealed record RelationGroup(ImmutableArray<Relation> Alternatives)
{
    public RelationGroup(Relation single) : this(ImmutableArray.Create(single)) { }

    public string ToDeb() => string.Join(" | ", Alternatives.Select(a => a.ToDeb()));

    public string ToRpm() => Alternatives.Length == 1
        ? Alternatives[0].ToRpm()
        : "(" + string.Join(" or ", Alternatives.Select(a => a.ToRpm())) + ")";

    public bool Equals(RelationGroup? other) => other is not null && Alternatives.SequenceEqual(other.Alternatives);

    public override int GetHashCode() => Alternatives.Aggregate(0, (h, r) => HashCode.Combine(h, r));
}

/// <summary>The kinds of relation both families know (deb-control(5) fields; rpm dependency tags).</summary>
public enum RelationKind { PreDepends, Depends, Recommends, Suggests, Conflicts, Breaks, Provides, Replaces, Obsoletes }

/// <summary>All relations of one package for one family, kept in declaration order without duplicates.</summary>
public sealed record RelationSet(ImmutableDictionary<RelationKind, ImmutableArray<RelationGroup>> ByKind)
{
    public static readonly RelationSet Empty = new(ImmutableDictionary<RelationKind, ImmutableArray<RelationGroup>>.Empty);

    public ImmutableArray<RelationGroup> Get(RelationKind kind) =>
        ByKind.TryGetValue(kind, out var groups) ? groups : ImmutableArray<RelationGroup>.Empty;

    public RelationSet With(RelationKind kind, RelationGroup group)
    {
        var existing = Get(kind);
        return existing.Contains(group) ? this : new RelationSet(ByKind.SetItem(kind, existing.Add(group)));
    }

    public RelationSet With(RelationKind kind, IEnumerable<RelationGroup> groups) =>
        groups.Aggregate(this, (set, g) => set.With(kind, g));
}
