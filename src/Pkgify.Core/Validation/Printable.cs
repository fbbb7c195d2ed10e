using System.Text;

namespace Pkgify.Core.Validation;

/// <summary>Shows untrusted text in one-line error messages: control characters escaped, length bounded.</summary>
public static class Printable
{
    public static string Escape(string text, int maxLength = 200)
    {
        var sb = new StringBuilder();
        foreach (var c in text)
        {
            if (sb.Length >= maxLength)
            {
                sb.Append('…');
                break;
            }
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                '\\' => "\\\\",
                _ when char.IsControl(c) || c == '\uFFFD' => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return sb.ToString();
    }
}
