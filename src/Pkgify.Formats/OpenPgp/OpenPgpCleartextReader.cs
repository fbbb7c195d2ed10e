namespace Pkgify.Formats.OpenPgp;

/// <summary>A cleartext signed message split into its parts (RFC 4880 §7).</summary>
/// <param name="HashHeaders">The values of the "Hash:" armor headers.</param>
/// <param name="Text">The message text, dash-escaping undone, each line ended by "\n" (as the Release file it stands for).</param>
/// <param name="SignedText">What the signature covers before canonicalisation: the lines without trailing spaces
/// and tabs (RFC 4880 §7.1), joined by "\n", without the line break before the signature.</param>
/// <param name="Signature">The signature packet(s), de-armored.</param>
public sealed record OpenPgpCleartextMessage(IReadOnlyList<string> HashHeaders, string Text, string SignedText, byte[] Signature);

/// <summary>
/// Reads a cleartext signed message such as apt's InRelease. As strict as apt (`apt-pkg/contrib/gpgv.cc`
/// SplitClearSignedFile): the message must start with the BEGIN line, only "Hash:" headers before the empty line,
/// no undashed line starting with '-' inside the text, one signature block, and nothing but blank lines after it.
/// </summary>
public static class OpenPgpCleartextReader
{
    private const string BeginMessage = "-----BEGIN PGP SIGNED MESSAGE-----";
    private const string BeginSignature = "-----BEGIN PGP SIGNATURE-----";
    private const string EndSignature = "-----END PGP SIGNATURE-----";
    private const string HashHeader = "Hash: ";
    private const string DashEscape = "- ";

    /// <summary>Far above any Release file; bounds the work on a hostile input.</summary>
    public const int MaxLength = 64 * 1024 * 1024;

    /// <summary>Splits <paramref name="message"/>; a malformed message is an <see cref="InvalidDataException"/> with a one-line reason.</summary>
    public static OpenPgpCleartextMessage Read(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length > MaxLength)
        {
            throw new InvalidDataException($"cleartext message of {message.Length} characters is too large");
        }

        var lines = message.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        if (lines.Count == 0 || lines[0] != BeginMessage)
        {
            throw new InvalidDataException("does not start with " + BeginMessage);
        }

        var index = 1;
        var hashes = new List<string>();
        for (; index < lines.Count && lines[index].Length > 0; index++)
        {
            if (!lines[index].StartsWith(HashHeader, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"unexpected armor header line {index + 1} in a cleartext message");
            }

            hashes.Add(lines[index][HashHeader.Length..].Trim());
        }

        var text = new List<string>();
        for (index++; index < lines.Count && lines[index] != BeginSignature; index++)
        {
            var line = lines[index];
            if (line.StartsWith('-') && !line.StartsWith(DashEscape, StringComparison.Ordinal))
            {
                throw new InvalidDataException($"line {index + 1} starts with '-' but is not dash-escaped");
            }

            text.Add(line.StartsWith(DashEscape, StringComparison.Ordinal) ? line[DashEscape.Length..] : line);
        }

        if (index >= lines.Count)
        {
            throw new InvalidDataException("no signature block after the text");
        }

        var end = lines.IndexOf(EndSignature, index);
        if (end < 0 || lines.Skip(end + 1).Any(l => l.Trim().Length > 0))
        {
            throw new InvalidDataException(end < 0 ? "the signature block has no END line" : "text after the signature block");
        }

        var signature = OpenPgpArmor.Decode(string.Join('\n', lines.GetRange(index, end - index + 1)), out _);
        var signed = string.Join('\n', text.Select(l => l.TrimEnd(' ', '\t')));
        return new OpenPgpCleartextMessage(hashes, string.Concat(text.Select(l => l + "\n")), signed, signature);
    }
}
