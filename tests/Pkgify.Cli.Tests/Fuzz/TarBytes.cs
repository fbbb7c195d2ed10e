using System.Text;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// The test's own view of tar headers (glibc &lt;tar.h&gt; offsets) over VALID seeds: where each header block is,
/// how to rewrite a field and re-seal the header's checksum, so damage gets past the checksum and reaches the
/// code that interprets sizes, types, names and PAX records.
/// </summary>
internal static class TarBytes
{
    public const int Block = 512;
    public const int NameOffset = 0, NameLength = 100;
    public const int ModeOffset = 100, UidOffset = 108, GidOffset = 116, NumericLength = 8;
    public const int SizeOffset = 124, SizeLength = 12;
    public const int MTimeOffset = 136, MTimeLength = 12;
    public const int ChecksumOffset = 148, ChecksumLength = 8;
    public const int TypeOffset = 156;
    public const int LinkNameOffset = 157, LinkNameLength = 100;
    public const int UserNameOffset = 265, OwnerNameLength = 32;

    /// <summary>Offsets of the header blocks of every entry (meta entries included) before the end-of-archive block.</summary>
    public static List<int> Headers(byte[] tar)
    {
        var headers = new List<int>();
        var pos = 0;
        while (pos + Block <= tar.Length && tar.AsSpan(pos, Block).IndexOfAnyExcept((byte)0) >= 0)
        {
            headers.Add(pos);
            pos += Block + Padded(Size(tar, pos));
        }
        return headers;
    }

    /// <summary>The octal size field of the header at <paramref name="header"/> (seeds never use base-256).</summary>
    public static long Size(byte[] tar, int header)
    {
        var text = Encoding.ASCII.GetString(tar, header + SizeOffset, SizeLength).Trim('\0', ' ');
        return text.Length == 0 ? 0 : Convert.ToInt64(text, 8);
    }

    public static int Padded(long size) => (int)((size + Block - 1) / Block * Block);

    /// <summary>Sum of the header bytes with the checksum field read as spaces, stored as "%06o\0 " (GNU tar).</summary>
    public static void Seal(byte[] tar, int header)
    {
        var sum = 0;
        for (var i = 0; i < Block; i++)
            sum += i is >= ChecksumOffset and < ChecksumOffset + ChecksumLength ? ' ' : tar[header + i];
        Encoding.ASCII.GetBytes(Convert.ToString(sum, 8).PadLeft(6, '0') + "\0 ").CopyTo(tar, header + ChecksumOffset);
    }

    /// <summary>A fresh header block (GNU magic) for a meta or extra entry; the checksum is sealed.</summary>
    public static byte[] Header(string name, char type, long size, string linkName = "")
    {
        var block = new byte[Block];
        Encoding.UTF8.GetBytes(name.Length > NameLength ? name[..NameLength] : name).CopyTo(block, NameOffset);
        Encoding.ASCII.GetBytes("0000644\0").CopyTo(block, ModeOffset);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(block, UidOffset);
        Encoding.ASCII.GetBytes("0000000\0").CopyTo(block, GidOffset);
        Encoding.ASCII.GetBytes(Convert.ToString(size, 8).PadLeft(11, '0') + "\0").CopyTo(block, SizeOffset);
        Encoding.ASCII.GetBytes("14533664000\0").CopyTo(block, MTimeOffset);
        block[TypeOffset] = (byte)type;
        Encoding.UTF8.GetBytes(linkName.Length > LinkNameLength ? linkName[..LinkNameLength] : linkName).CopyTo(block, LinkNameOffset);
        "ustar  \0"u8.CopyTo(block.AsSpan(257));
        Seal(block, 0);
        return block;
    }

    /// <summary>Content padded with zeros to whole blocks.</summary>
    public static byte[] Blocks(byte[] content)
    {
        var padded = new byte[Padded(content.Length)];
        content.CopyTo(padded, 0);
        return padded;
    }
}
