namespace Pkgify.Core.Templates;

/// <summary>
/// Writes values into an RPM spec file. rpm expands macros in nearly every line, so '%' is always
/// doubled; the other rules were checked with rpmbuild 4.18 (see the Templates tests).
/// </summary>
internal static class SpecText
{
    /// <summary>Characters a %files entry cannot carry: quoting is by '"' only, and rpm's glob brace expansion ignores escapes.</summary>
    private static readonly char[] UnlistableInFiles = ['"', '\\', '{', '}'];

    /// <summary>Glob characters, listed as one-character bracket expressions so they match only themselves.</summary>
    private static readonly char[] GlobCharacters = ['*', '?', '[', ']'];

    /// <summary>A one-line tag value (Summary:, License:...): a line break would end the tag.</summary>
    public static string Tag(string value)
    {
        if (value.Any(char.IsControl))
            throw new TemplateValueException(value, "contains a line break or control character, which a one-line RPM spec tag cannot hold");
        var trimmed = value.Trim();
        if (trimmed.Length == 0) throw new TemplateValueException(value, "is empty, and an RPM spec tag needs a value");
        return trimmed.Replace("%", "%%");
    }

    /// <summary>
    /// Free text of a section (%description, %changelog): besides doubling '%', a line starting with
    /// '%' would open a new section after expansion and one starting with '#' is dropped as a comment,
    /// so such lines get a leading space.
    /// </summary>
    public static string Text(string value) => Lines(value, protectComments: true);

    /// <summary>
    /// A scriptlet body (%pre...): '%' doubled and '%'-led lines indented, as in <see cref="Text"/>;
    /// '#' lines are kept as they are, since rpm keeps comments inside scriptlets.
    /// </summary>
    public static string Script(string value) => Lines(value, protectComments: false);

    /// <summary>
    /// A quoted %files path that names exactly one file, even with spaces or glob characters. A path
    /// with a glob character becomes a glob: each such character is written as a one-character
    /// bracket expression, and since rpm splits a glob into words like a shell (popt), its blanks and
    /// single quotes get a backslash.
    /// </summary>
    public static string Path(string value)
    {
        if (value.Any(char.IsControl) || value.IndexOfAny(UnlistableInFiles) >= 0)
            throw new TemplateValueException(value, "contains a control character or one of \" \\ { }, which an RPM %files list cannot name");
        var escaped = value.IndexOfAny(GlobCharacters) < 0
            ? value
            : string.Concat(value.Select(c => GlobCharacters.Contains(c) ? $"[{c}]" : c is ' ' or '\'' ? $"\\{c}" : c.ToString()));
        return "\"" + escaped.Replace("%", "%%") + "\"";
    }

    private static string Lines(string value, bool protectComments)
    {
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\t')))
            throw new TemplateValueException(value, "contains a control character, which an RPM spec cannot hold");
        var lines = value.Split('\n').Select(line =>
        {
            var escaped = line.Replace("%", "%%");
            return line.StartsWith('%') || (protectComments && line.StartsWith('#')) ? " " + escaped : escaped;
        });
        return string.Join("\n", lines);
    }
}
