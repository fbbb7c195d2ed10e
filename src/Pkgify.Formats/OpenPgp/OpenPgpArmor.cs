using System.Text;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// OpenPGP ASCII armor (RFC 4880 §6.2): <c>-----BEGIN {blockType}-----</c>, an empty line, base64 in 64-character
/// lines, the <c>=</c> CRC-24 line, <c>-----END {blockType}-----</c>. Written exactly as gpg 2.2 writes it (no
/// armor headers, "\n" line ends) so output does not depend on the host.
/// </summary>
public static class OpenPgpArmor
{
    /// <summary>Block type of a detached signature (Release.gpg, repomd.xml.asc).</summary>
    public const string Signature = "PGP SIGNATURE";

    /// <summary>Block type of an exported public key.</summary>
    public const string PublicKeyBlock = "PGP PUBLIC KEY BLOCK";

    /// <summary>Block type of an exported secret key.</summary>
    public const string PrivateKeyBlock = "PGP PRIVATE KEY BLOCK";

    // RFC 4880 §7: a cleartext message starts like armor but is not base64; Decode refuses it.
    internal const string SignedMessage = "PGP SIGNED MESSAGE";

    private const string Dashes = "-----";
    private const string BeginPrefix = Dashes + "BEGIN ";
    private const string EndPrefix = Dashes + "END ";
    private const int LineLength = 64;
    private const int CrcBytes = 3;

    /// <summary>Armors <paramref name="data"/> as a block of <paramref name="blockType"/> (e.g. <see cref="Signature"/>).</summary>
    public static string Encode(string blockType, ReadOnlySpan<byte> data)
    {
        ArgumentException.ThrowIfNullOrEmpty(blockType);
        var text = new StringBuilder();
        text.Append(BeginPrefix).Append(blockType).Append(Dashes).Append('\n');
        text.Append('\n');
        var base64 = Convert.ToBase64String(data);
        for (var i = 0; i < base64.Length; i += LineLength)
        {
            text.Append(base64, i, Math.Min(LineLength, base64.Length - i)).Append('\n');
        }

        var crc = Crc24.Compute(data);
        Span<byte> crcBytes = [(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc];
        text.Append('=').Append(Convert.ToBase64String(crcBytes)).Append('\n');
        text.Append(EndPrefix).Append(blockType).Append(Dashes).Append('\n');
        return text.ToString();
    }

    /// <summary>
    /// Decodes the first armored block in <paramref name="armored"/> (text before it is ignored, armor headers
    /// such as <c>Version:</c> are skipped). A checksum line, when present, must match (RFC 9580 made it
    /// optional). Damage is reported as <see cref="InvalidDataException"/>.
    /// </summary>
    public static byte[] Decode(string armored, out string blockType)
    {
        ArgumentNullException.ThrowIfNull(armored);
        var lines = armored.Split('\n').Select(l => l.TrimEnd('\r', ' ', '\t')).ToList();
        var begin = lines.FindIndex(l => l.StartsWith(BeginPrefix, StringComparison.Ordinal) && l.EndsWith(Dashes, StringComparison.Ordinal)
                                         && l.Length > BeginPrefix.Length + Dashes.Length);
        if (begin < 0)
        {
            throw new InvalidDataException("no OpenPGP armor BEGIN line");
        }

        blockType = lines[begin][BeginPrefix.Length..^Dashes.Length];
        if (blockType == SignedMessage)
        {
            throw new InvalidDataException("a cleartext signed message is not an armored block");
        }

        var end = lines.FindIndex(begin + 1, l => l.StartsWith(EndPrefix, StringComparison.Ordinal));
        if (end < 0 || lines[end] != EndPrefix + blockType + Dashes)
        {
            throw new InvalidDataException($"OpenPGP armor of {blockType} has no matching END line");
        }

        var body = SkipArmorHeaders(lines, begin + 1, end);
        return DecodeBody(lines.GetRange(body, end - body), blockType);
    }

    private static int SkipArmorHeaders(List<string> lines, int first, int end)
    {
        // RFC 4880 §6.2: "Key: value" header lines, then one empty line, then the data. Some writers omit the
        // empty line when there are no headers, so only lines that look like headers are skipped.
        var index = first;
        while (index < end && lines[index].Contains(": ", StringComparison.Ordinal))
        {
            index++;
        }

        return index < end && lines[index].Length == 0 ? index + 1 : index;
    }

    private static byte[] DecodeBody(List<string> lines, string blockType)
    {
        var base64 = new StringBuilder();
        string? crcLine = null;
        foreach (var line in lines.Where(l => l.Length > 0))
        {
            if (crcLine is not null)
            {
                throw new InvalidDataException($"OpenPGP armor of {blockType} has data after its checksum line");
            }

            if (line.StartsWith('='))
            {
                crcLine = line[1..];
            }
            else
            {
                base64.Append(line);
            }
        }

        var data = FromBase64(base64.ToString(), blockType);
        if (crcLine is not null)
        {
            var crc = FromBase64(crcLine, blockType);
            var expected = Crc24.Compute(data);
            if (crc.Length != CrcBytes || ((uint)crc[0] << 16 | (uint)crc[1] << 8 | crc[2]) != expected)
            {
                throw new InvalidDataException($"OpenPGP armor of {blockType} fails its CRC-24 checksum");
            }
        }

        return data;
    }

    private static byte[] FromBase64(string text, string blockType)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw new InvalidDataException($"OpenPGP armor of {blockType} is not valid base64");
        }
    }
}
