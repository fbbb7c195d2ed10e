using System.Text.RegularExpressions;

namespace Pkgify.Core.Dependencies.Debian;

/// <summary>One symbol of a symbols file: the minimal version of the package that provides it.</summary>
/// <param name="MinVersion">Minimal package version.</param>
/// <param name="TemplateIndex">Which dependency template (0 = the first line, 1 = the first '|' line...).</param>
/// <param name="Deprecated">Written as <c>#MISSING: v#</c> or <c>#DEPRECATED: v#</c>: no longer provided.</param>
internal sealed record DebSymbol(string MinVersion, int TemplateIndex, bool Deprecated);

/// <summary>What a symbols file says about one soname (deb-symbols(5)).</summary>
internal sealed class DebSymbolsObject
{
    /// <summary>Dependency templates: the header's, then each '|' alternative line's; may hold #MINVER#.</summary>
    public List<string> Templates { get; } = [];

    /// <summary>Symbols by <c>name@version</c> (<c>name@Base</c> when unversioned). Patterns are not kept.</summary>
    public Dictionary<string, DebSymbol> Symbols { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// The smallest minimal version among the symbols of template 0, which dpkg-shlibdeps starts from (an
    /// unversioned dependency is not enough: the library may not always have been in the package).
    /// </summary>
    public string SmallestVersion()
    {
        string? smallest = null;
        foreach (var symbol in Symbols.Values.Where(s => s.TemplateIndex == 0))
            if (smallest is null || DebianVersion.Compare(smallest, symbol.MinVersion) > 0)
                smallest = symbol.MinVersion;
        return smallest ?? "";
    }
}

/// <summary>
/// Reads a deb-symbols(5) file the way dpkg-shlibdeps does (Dpkg::Shlibs::SymbolFile): a header line
/// <c>soname template</c>, '|' lines with alternative templates, '*' field lines, then indented symbol lines
/// <c>name@version minver [template-index]</c>, optionally tagged <c>(tag|tag=value)</c>. Tagged patterns
/// (c++, symver, regex, <c>*@VERSION</c>) never match a symbol by name in dpkg-shlibdeps, so they are skipped.
/// </summary>
internal static partial class DebSymbolsFile
{
    [GeneratedRegex(@"^(?:\s+|#(?:DEPRECATED|MISSING): ([^#]+)#\s*)(.*)$")]
    private static partial Regex SymbolLine();

    [GeneratedRegex(@"^\s*\((.*?)\)(.*)$")]
    private static partial Regex Tags();

    [GeneratedRegex(@"^\s(\S+)(?:\s(\d+))?")]
    private static partial Regex Versions();

    private static readonly string[] PatternTags = ["c++", "symver", "regex"];

    /// <summary>True when the file has a header line for <paramref name="soname"/> (dpkg's symfile_has_soname).</summary>
    public static bool HasSoname(string file, string soname) =>
        File.ReadLines(file).Any(l => l.StartsWith(soname + " ", StringComparison.Ordinal));

    /// <summary>Every object of the file, by soname.</summary>
    public static Dictionary<string, DebSymbolsObject> Parse(string file)
    {
        var objects = new Dictionary<string, DebSymbolsObject>(StringComparer.Ordinal);
        DebSymbolsObject? current = null;
        foreach (var line in File.ReadLines(file))
        {
            var symbol = SymbolLine().Match(line);
            if (symbol.Success && line.Length > 0 && current is not null)
                AddSymbol(current, symbol.Groups[2].Value, symbol.Groups[1].Success);
            else if (line.StartsWith('|'))
                current?.Templates.Add(line[1..].Trim());
            else if (line.Length > 0 && !line.StartsWith('#') && !line.StartsWith('*') && !char.IsWhiteSpace(line[0]))
                current = Header(objects, line);
        }
        return objects;
    }

    private static DebSymbolsObject? Header(Dictionary<string, DebSymbolsObject> objects, string line)
    {
        var space = line.IndexOfAny([' ', '\t']);
        if (space < 0)
            return null;
        var soname = line[..space];
        if (!objects.TryGetValue(soname, out var obj))
            objects[soname] = obj = new DebSymbolsObject();
        obj.Templates.Clear();
        obj.Templates.Add(line[space..].Trim());
        return obj;
    }

    private static void AddSymbol(DebSymbolsObject obj, string spec, bool deprecated)
    {
        string name, rest;
        var tagged = Tags().Match(spec);
        if (tagged.Success && tagged.Groups[1].Value.Length > 0)
        {
            var tags = tagged.Groups[1].Value.Split('|').Select(t => t.Split('=')[0]);
            if (tags.Any(PatternTags.Contains))
                return;
            (name, rest) = SplitName(tagged.Groups[2].Value);
        }
        else
        {
            (name, rest) = SplitName(spec);
        }
        var versions = Versions().Match(rest);
        if (name.Length == 0 || name.StartsWith("*@", StringComparison.Ordinal) || !versions.Success)
            return;
        obj.Symbols[name] = new DebSymbol(versions.Groups[1].Value,
            versions.Groups[2].Success && int.TryParse(versions.Groups[2].Value, out var index) ? index : 0, deprecated);
    }

    // A symbol name is the first word, or a quoted string when it holds spaces.
    private static (string Name, string Tail) SplitName(string text)
    {
        if (text.Length > 1 && text[0] is '"' or '\'')
        {
            var end = text.IndexOf(text[0], 1);
            if (end > 0)
                return (text[1..end], text[(end + 1)..]);
        }
        var space = text.IndexOfAny([' ', '\t']);
        return space < 0 ? (text, "") : (text[..space], text[space..]);
    }
}
