namespace Pkgify.Core.Templates;

/// <summary>Writes values into deb822 control data (deb822(5), Debian Policy §5.1 and §5.6.13).</summary>
internal static class Deb822Text
{
    /// <summary>
    /// A one-line field value. A line break would start a new field (or a continuation line), so it is
    /// refused; surrounding whitespace is not part of a field value in deb822, so it is trimmed.
    /// </summary>
    public static string Line(string value)
    {
        if (value.Any(char.IsControl))
            throw new TemplateValueException(value, "contains a line break or control character, which a one-line control field cannot hold");
        var trimmed = value.Trim();
        if (trimmed.Length == 0) throw new TemplateValueException(value, "is empty, and a control field needs a value");
        return trimmed;
    }

    /// <summary>
    /// Continuation lines of a multi-line field (the extended Description, a License text), each
    /// preceded by "\n": every line is indented by one space, an empty line becomes " ." (Policy
    /// §5.6.13), lines already indented stay indented (shown verbatim by apt). Empty text gives "".
    /// </summary>
    public static string Folded(string value)
    {
        if (value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t')))
            throw new TemplateValueException(value, "contains a control character, which control data cannot hold");
        var lines = value.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n').Select(l => l.TrimEnd()).ToList();
        while (lines.Count > 0 && lines[0].Length == 0) lines.RemoveAt(0);
        while (lines.Count > 0 && lines[^1].Length == 0) lines.RemoveAt(lines.Count - 1);
        return string.Concat(lines.Select(l => l.Length == 0 ? "\n ." : "\n " + l));
    }
}
