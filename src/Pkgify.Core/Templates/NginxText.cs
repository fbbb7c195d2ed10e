namespace Pkgify.Core.Templates;

/// <summary>
/// Writes values into nginx configuration. nginx has no escape for '$' (variables are expanded in
/// most directives), so instead of quoting, any character with a meaning in nginx's syntax is refused.
/// </summary>
internal static class NginxText
{
    public static string Token(string value)
    {
        var bad = value.FirstOrDefault(c => char.IsControl(c) || char.IsWhiteSpace(c) || c is ';' or '{' or '}' or '"' or '\'' or '$' or '#' or '\\');
        if (value.Length == 0 || bad != default)
            throw new TemplateValueException(value, "is empty or contains whitespace or one of ; { } \" ' $ # \\, which an nginx directive cannot hold safely");
        return value;
    }
}
