using System.Text.RegularExpressions;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Python;

/// <summary>
/// Parses the requirement part of a line (PEP 508 without the URL form) and insists on an exact
/// pin: a package built today must contain the same distributions when rebuilt tomorrow, and
/// only `==version` / `===version` say which one.
/// </summary>
internal static partial class RequirementSpec
{
    private static readonly string[] ArchiveSuffixes = [".whl", ".zip", ".tar.gz", ".tgz", ".tar.bz2", ".tar.xz", ".tar"];

    /// <summary>Parses <paramref name="text"/> (requirement without options) found at <paramref name="where"/> ("file:line").</summary>
    public static Requirement Parse(string text, IReadOnlyList<string> hashes, string file, int line)
    {
        var where = $"{file}:{line}";
        var semicolon = text.IndexOf(';');
        var head = (semicolon < 0 ? text : text[..semicolon]).Trim();
        var marker = semicolon < 0 ? null : text[(semicolon + 1)..].Trim();
        if (IsUrlOrPath(head))
            throw new UsageException($"{where}: '{text}' is a URL, path or VCS requirement, which pkgify does not install: build a wheel from it, put it in the wheelhouse: directory and write name==version");
        if (marker is { Length: 0 })
            throw new UsageException($"{where}: '{text}' has an empty environment marker after ';': remove the ';' or write a marker such as python_version < \"3.12\"");

        var match = NameExtrasSpec().Match(head);
        if (!match.Success)
            throw new UsageException($"{where}: '{text}' is not a requirement pkgify understands: write name==version (PEP 508)");
        var name = match.Groups["name"].Value;
        var extras = ParseExtras(match.Groups["extras"], text, where);
        var version = ParsePin(match.Groups["spec"].Value, name, text, where);
        return new Requirement(name, version, extras, marker, hashes, file, line);
    }

    private static bool IsUrlOrPath(string head) =>
        head.Contains('@') || head.Contains('/') || head.Contains('\\') || head.StartsWith('.') || head.StartsWith('~')
        || head.Contains(':') || ArchiveSuffixes.Any(s => head.EndsWith(s, StringComparison.OrdinalIgnoreCase));

    private static IReadOnlyList<string> ParseExtras(Group group, string text, string where)
    {
        if (!group.Success) return [];
        var extras = group.Value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        foreach (var extra in extras)
        {
            if (!DistributionName().IsMatch(extra))
                throw new UsageException($"{where}: '{text}' has an invalid extra '{extra}': extras are names like name[security,socks]");
        }
        return extras;
    }

    private static string ParsePin(string spec, string name, string text, string where)
    {
        spec = spec.Trim();
        // PEP 345's parenthesised form "name (==1.0)" is still accepted by pip.
        if (spec.StartsWith('(') && spec.EndsWith(')')) spec = spec[1..^1].Trim();
        var pin = Pin().Match(spec);
        if (!pin.Success || spec.Contains(','))
            throw NotPinned(name, text, where, "is not pinned");
        var version = pin.Groups["version"].Value;
        if (pin.Groups["op"].Value == "===") return version;
        if (version.EndsWith(".*", StringComparison.Ordinal))
            throw NotPinned(name, text, where, "is not pinned to one version (a wildcard matches many)");
        if (!Pep440Version().IsMatch(version))
            throw new UsageException($"{where}: '{text}' has '{version}', not a PEP 440 version: write {name}==<version> as pip freeze prints it");
        return version;
    }

    private static UsageException NotPinned(string name, string text, string where, string reason) =>
        new($"{where}: '{text}' {reason}: write {name}==<version> (pip freeze shows the installed one)");

    [GeneratedRegex(@"^(?<name>[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)\s*(?:\[(?<extras>[^\]]*)\])?\s*(?<spec>.*)$")]
    private static partial Regex NameExtrasSpec();

    [GeneratedRegex(@"^[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?$")]
    private static partial Regex DistributionName();

    [GeneratedRegex(@"^(?<op>===|==)\s*(?<version>\S+)$")]
    private static partial Regex Pin();

    // PEP 440's public version plus optional local label: [N!]N(.N)*[{a|b|rc}N][.postN][.devN][+local],
    // with the spelling variants the PEP's normalisation section accepts (alpha, pre, -, _, ...).
    [GeneratedRegex(@"^v?(?:[0-9]+!)?[0-9]+(?:\.[0-9]+)*(?:[-_.]?(?:a|b|c|rc|alpha|beta|pre|preview)[-_.]?[0-9]*)?(?:-[0-9]+|[-_.]?(?:post|rev|r)[-_.]?[0-9]*)?(?:[-_.]?dev[-_.]?[0-9]*)?(?:\+[a-z0-9]+(?:[-_.][a-z0-9]+)*)?$", RegexOptions.IgnoreCase)]
    private static partial Regex Pep440Version();
}
