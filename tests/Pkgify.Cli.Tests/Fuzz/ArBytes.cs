using System.Globalization;
using System.Text;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>One member of a seed's ar archive, with where its 60-byte header sits in the seed.</summary>
internal sealed record ArPart(string Name, byte[] Data, int HeaderOffset);

/// <summary>
/// The test's own view of the ar layout (deb(5), formats.md §1.1) over VALID seeds: split into members and
/// join members back with correct headers and padding, so structural mutations (shuffled, duplicated, dropped
/// members, rewritten content) reach the reader with every other field intact.
/// </summary>
internal static class ArBytes
{
    public static readonly byte[] GlobalMagic = "!<arch>\n"u8.ToArray();
    public const int HeaderSize = 60;
    public const int NameLength = 16;
    public const int MTimeOffset = 16;
    public const int ModeOffset = 40;
    public const int SizeOffset = 48;
    public const int SizeLength = 10;
    public const int EndMagicOffset = 58;

    public static List<ArPart> Split(byte[] archive)
    {
        var parts = new List<ArPart>();
        var pos = GlobalMagic.Length;
        while (pos + HeaderSize <= archive.Length)
        {
            var name = Encoding.ASCII.GetString(archive, pos, NameLength).TrimEnd(' ').TrimEnd('/');
            var size = int.Parse(Encoding.ASCII.GetString(archive, pos + SizeOffset, SizeLength).TrimEnd(' '), CultureInfo.InvariantCulture);
            parts.Add(new ArPart(name, archive[(pos + HeaderSize)..(pos + HeaderSize + size)], pos));
            pos += HeaderSize + size + (size & 1);
        }
        return parts;
    }

    public static byte[] Join(IEnumerable<ArPart> parts) => Join(parts.Select(p => (p.Name, p.Data)));

    public static byte[] Join(IEnumerable<(string Name, byte[] Data)> parts)
    {
        using var output = new MemoryStream();
        output.Write(GlobalMagic);
        foreach (var (name, data) in parts)
        {
            var header = $"{name,-16}{0,-12}{0,-6}{0,-6}{"100644",-8}{data.Length,-10}`\n";
            output.Write(Encoding.ASCII.GetBytes(header));
            output.Write(data);
            if ((data.Length & 1) != 0)
                output.WriteByte((byte)'\n');
        }
        return output.ToArray();
    }

    /// <summary>Writes <paramref name="text"/> left-justified and space-padded into a header field of a copy.</summary>
    public static byte[] WithField(byte[] archive, int headerOffset, int fieldOffset, int fieldLength, string text)
    {
        var bytes = (byte[])archive.Clone();
        var field = Encoding.Latin1.GetBytes(text.PadRight(fieldLength)[..fieldLength]);
        field.CopyTo(bytes, headerOffset + fieldOffset);
        return bytes;
    }
}
