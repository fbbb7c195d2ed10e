using System.Text;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// The text part of a cleartext signed message (RFC 4880 §7): what is signed and how it is written. Follows
/// gpg --clearsign: a final line break of the input is the one before the signature armor (which §7.1 keeps
/// out of the signed text), so "a\n" and "a" sign the same bytes and gpg gives both back as "a\n".
/// </summary>
internal static class CleartextMessage
{
    private const char DashEscapePrefix = '-';
    private const string DashEscape = "- ";

    // RFC 4880 §7.1: trailing spaces and tabs are not signed; gpg also drops a CR before the LF.
    private static readonly char[] TrailingWhitespace = [' ', '\t', '\r'];

    /// <summary>The canonical text the signature covers (lines joined by CR LF) and the dash-escaped body to write.</summary>
    public static (byte[] Signed, string Body) Prepare(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        // Trailing whitespace is removed from the written text too, so every byte of the body is signed.
        var stripped = lines.Select(l => l.TrimEnd(TrailingWhitespace)).ToList();
        var body = new StringBuilder();
        foreach (var line in stripped)
        {
            body.Append(line.StartsWith(DashEscapePrefix) ? DashEscape : "").Append(line).Append('\n');
        }

        return (Encoding.UTF8.GetBytes(string.Join("\r\n", stripped)), body.ToString());
    }
}
