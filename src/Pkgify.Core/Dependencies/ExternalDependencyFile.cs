using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Dependencies;

/// <summary>
/// Reads external-dependencies.txt: one PEP 345 <c>Requires-External</c> entry a line — a name, an optional
/// version constraint in parentheses (comma-separated conditions; a bare version means ==), an optional
/// environment marker after ';' — with '#' comments and blank lines. Mistakes are usage errors naming file:line.
/// </summary>
public static partial class ExternalDependencyFile
{
    private const string Example = "write one entry a line, e.g. 'libpq (>=9.0)' or 'libxml2; sys_platform == \"linux\"'";

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9][A-Za-z0-9._+-]*)\s*(?:\((?<constraint>[^()]*)\))?\s*(?:;(?<marker>.*))?$")]
    private static partial Regex Entry();

    [GeneratedRegex(@"^\s*(?<op>===|==|!=|~=|<=|>=|<|>)?\s*(?<version>\S+)\s*$")]
    private static partial Regex Condition();

    // Valid in both families: Debian (deb-version(7)) and RPM reject other characters or a leading non-digit.
    [GeneratedRegex(@"^[0-9][A-Za-z0-9.+~]*$")]
    private static partial Regex PortableVersion();

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static IReadOnlyList<ExternalDependency> Read(string path)
    {
        if (!File.Exists(path))
            throw new UsageException($"{path}: external dependencies file not found: create it or fix 'external_dependencies' in pkgify.yaml");
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses <paramref name="text"/>; <paramref name="file"/> names it in errors and origins.</summary>
    public static IReadOnlyList<ExternalDependency> Parse(string text, string file)
    {
        var entries = new List<ExternalDependency>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var content = StripComment(lines[i].TrimEnd('\r')).Trim();
            if (content.Length > 0)
                entries.Add(ParseEntry(content, file, i + 1));
        }
        return entries;
    }

    private static ExternalDependency ParseEntry(string content, string file, int line)
    {
        var where = $"{file}:{line}";
        var m = Entry().Match(content);
        if (!m.Success)
            throw new UsageException($"{where}: cannot read '{Printable.Escape(content)}': {Example}");
        var constraint = m.Groups["constraint"].Success ? m.Groups["constraint"].Value.Trim() : null;
        var marker = m.Groups["marker"].Success ? m.Groups["marker"].Value.Trim() : null;
        if (marker is { Length: 0 })
            throw new UsageException($"{where}: empty environment marker after ';': remove the ';' or write a marker such as 'sys_platform == \"linux\"'");
        return new ExternalDependency(m.Groups["name"].Value, constraint, marker, file, line)
        {
            Bounds = constraint is null ? [] : ParseConstraint(constraint, where),
        };
    }

    private static ImmutableArray<VersionBound> ParseConstraint(string constraint, string where)
    {
        if (constraint.Length == 0)
            throw new UsageException($"{where}: empty version constraint '()': remove it or write e.g. '(>=9.0)'");
        return [.. constraint.Split(',').Select(part => ParseCondition(part, where))];
    }

    private static VersionBound ParseCondition(string part, string where)
    {
        var m = Condition().Match(part);
        if (!m.Success)
            throw new UsageException($"{where}: cannot read version condition '{Printable.Escape(part.Trim())}': write e.g. '>=9.0' (conditions separated by commas)");
        var version = m.Groups["version"].Value;
        var op = m.Groups["op"].Value switch
        {
            "" or "==" => RelationOperator.Equal,
            ">=" => RelationOperator.GreaterOrEqual,
            "<=" => RelationOperator.LessOrEqual,
            ">" => RelationOperator.Greater,
            "<" => RelationOperator.Less,
            var other => throw new UsageException($"{where}: operator '{other}' cannot be written as a package relation: use >=, <=, >, < or == (e.g. '>=2.2, <3')"),
        };
        if (!PortableVersion().IsMatch(version))
            throw new UsageException($"{where}: version '{Printable.Escape(version)}' is not usable by dpkg and rpm: start with a digit and use only letters, digits, '.', '+' and '~'");
        return new VersionBound(op, version);
    }

    /// <summary>Drops a '#' comment that starts the line or follows whitespace, outside quotes.</summary>
    private static string StripComment(string line)
    {
        char? quote = null;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quote is not null)
                quote = c == quote ? null : quote;
            else if (c is '"' or '\'')
                quote = c;
            else if (c == '#' && (i == 0 || char.IsWhiteSpace(line[i - 1])))
                return line[..i];
        }
        return line;
    }
}
