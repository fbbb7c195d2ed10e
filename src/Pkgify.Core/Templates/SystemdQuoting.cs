namespace Pkgify.Core.Templates;

/// <summary>
/// Writes values into systemd unit files (systemd.syntax(7), systemd.unit(5) "Specifiers",
/// systemd.service(5) "Command lines").
/// </summary>
internal static class SystemdQuoting
{
    /// <summary>
    /// A whole setting value (Description=, User=, WorkingDirectory=, EnvironmentFile=...): '%' starts a
    /// specifier, so it is doubled; a line break would end the setting and a trailing backslash would
    /// continue it onto the next line, and systemd strips surrounding whitespace, so those are refused.
    /// </summary>
    public static string Value(string value)
    {
        CheckLine(value);
        if (value.Length == 0) throw new TemplateValueException(value, "is empty, and an empty setting resets it in systemd");
        if ((char.IsWhiteSpace(value[0]) || char.IsWhiteSpace(value[^1])))
            throw new TemplateValueException(value, "starts or ends with whitespace, which systemd strips from setting values");
        if (value.EndsWith('\\'))
            throw new TemplateValueException(value, "ends with a backslash, which systemd reads as a line continuation");
        return value.Replace("%", "%%");
    }

    /// <summary>
    /// One word of an Exec*= command line: '%' and '$' are doubled (specifiers and environment-variable
    /// substitution), and a word with anything beyond plain path characters is double-quoted with C-style
    /// escapes for '\' and '"'. A lone ';' separates commands, so it is written '\;'.
    /// </summary>
    public static string Argument(string value)
    {
        CheckLine(value);
        if (value == ";") return "\\;";
        var escaped = value.Replace("%", "%%").Replace("$", "$$");
        if (escaped.Length > 0 && escaped.All(IsPlain)) return escaped;
        return "\"" + escaped.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
    }

    private static void CheckLine(string value)
    {
        if (value.Any(char.IsControl))
            throw new TemplateValueException(value, "contains a line break or control character, which a systemd unit setting cannot hold");
    }

    /// <summary>Characters systemd's word splitting and unescaping leave alone (after '%'/'$' doubling).</summary>
    private static bool IsPlain(char c) => char.IsAsciiLetterOrDigit(c) || c is '/' or '_' or '.' or ':' or '+' or ',' or '=' or '@' or '-' or '%' or '$';
}
