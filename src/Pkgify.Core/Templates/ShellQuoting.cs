namespace Pkgify.Core.Templates;

/// <summary>
/// Quotes a value as one POSIX shell word (XCU §2.2.2): inside single quotes nothing is special, and a
/// single quote is written as <c>'\''</c> (close, escaped quote, reopen). Words made only of characters
/// no shell treats specially are left bare, so scripts stay readable.
/// </summary>
internal static class ShellQuoting
{
    public static string Quote(string value)
    {
        if (value.Contains('\0')) throw new TemplateValueException(value, "contains a NUL character, which no shell word can hold");
        if (value.Length > 0 && value.All(IsSafe)) return value;
        return "'" + value.Replace("'", "'\\''") + "'";
    }

    /// <summary>Characters that are never special to sh in any position of an unquoted word.</summary>
    private static bool IsSafe(char c) => char.IsAsciiLetterOrDigit(c) || c is '@' or '%' or '+' or '=' or ':' or ',' or '.' or '/' or '_' or '-';
}
