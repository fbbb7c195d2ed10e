using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Relations;

/// <summary>
/// Parses relations written the Debian way (deb-control(5)): <c>name (op version)</c>, alternatives
/// separated by <c>|</c>, ops <c>&lt;&lt; &lt;= = &gt;= &gt;&gt;</c>. The same text is used for both families
/// where the names agree (<c>pack --depends</c>); family-specific names come from config or mappings.
/// </summary>
public static partial class RelationParser
{
    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9/][A-Za-z0-9+._()/:-]*?)\s*(?:\(\s*(?<op><<|<=|>=|>>|=|<|>)\s*(?<ver>[^\s()]+)\s*\))?\s*$")]
    private static partial Regex Item();

    [GeneratedRegex(@"^\s*(?<name>[A-Za-z0-9/_][^\s<>=]*)\s*(?:(?<op><=|>=|<|>|=)\s*(?<ver>[^\s<>=]\S*))?\s*$")]
    private static partial Regex RpmItem();

    /// <summary>
    /// Parses a relation written the RPM way (<c>name</c>, <c>name &gt;= 1.0</c>, <c>/usr/bin/python3.11</c>,
    /// <c>libpq.so.5()(64bit)</c>), for config entries that name RPM packages or capabilities.
    /// </summary>
    public static RelationGroup ParseRpm(string text, string where)
    {
        if (text.IndexOfAny(['\n', '\r', ',']) >= 0 || text.TrimStart().StartsWith('('))
            throw new UsageException($"{where}: '{Printable.Escape(text)}' must be one plain relation such as 'name >= 1.0' (no commas, no rich dependencies)");
        var m = RpmItem().Match(text);
        if (!m.Success)
            throw new UsageException($"{where}: cannot read relation '{Printable.Escape(text)}': write it as 'name' or 'name >= 1.0'");
        if (!m.Groups["op"].Success)
            return new RelationGroup(new Relation(m.Groups["name"].Value));
        var op = m.Groups["op"].Value switch
        {
            "<" => RelationOperator.Less,
            "<=" => RelationOperator.LessOrEqual,
            "=" => RelationOperator.Equal,
            ">=" => RelationOperator.GreaterOrEqual,
            _ => RelationOperator.Greater,
        };
        return new RelationGroup(new Relation(m.Groups["name"].Value, op, m.Groups["ver"].Value));
    }

    public static RelationGroup Parse(string text, string where)
    {
        if (text.IndexOfAny(['\n', '\r', ',']) >= 0)
            throw new UsageException($"{where}: '{Printable.Escape(text)}' must be one relation (give several relations as separate values, without commas)");
        var alternatives = text.Split('|').Select(part => ParseOne(part, text, where)).ToImmutableArray();
        return new RelationGroup(alternatives);
    }

    private static Relation ParseOne(string part, string whole, string where)
    {
        var m = Item().Match(part);
        if (!m.Success)
            throw new UsageException($"{where}: cannot read relation '{Printable.Escape(whole)}': write it as 'name' or 'name (>= 1.0)'");
        if (!m.Groups["op"].Success)
            return new Relation(m.Groups["name"].Value);
        var op = m.Groups["op"].Value switch
        {
            "<<" => RelationOperator.Less,
            "<=" => RelationOperator.LessOrEqual,
            "=" => RelationOperator.Equal,
            ">=" => RelationOperator.GreaterOrEqual,
            ">>" => RelationOperator.Greater,
            // dpkg reads a lone '<' or '>' as '<=' / '>=' (deprecated, deb-control(5)); rpm as strict. Refuse the ambiguity.
            var bad => throw new UsageException($"{where}: operator '{bad}' in '{Printable.Escape(whole)}' is ambiguous: use '<<' or '<=' ('>>' or '>=')"),
        };
        return new Relation(m.Groups["name"].Value, op, m.Groups["ver"].Value);
    }
}
