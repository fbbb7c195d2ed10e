using System.Buffers.Binary;
using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression.Segments;

/// <summary>
/// The framing of an .xz stream that splicing touches (xz-file-format-1.0.4.txt): stream header and footer
/// (§2.1), the index (§4) and its variable-length integers (§1.2). Blocks themselves are copied untouched.
/// </summary>
internal static class XzFormat
{
    /// <summary>Stream Header: magic (6), stream flags (2), CRC32 of the flags (4) (§2.1.1).</summary>
    internal const int HeaderLength = 12;

    /// <summary>Stream Footer: CRC32 (4), backward size (4), stream flags (2), magic "YZ" (2) (§2.1.2).</summary>
    internal const int FooterLength = 12;

    internal const int FlagsLength = 2;
    private const int MagicLength = 6;
    private const int CrcLength = 4;
    private const int BackwardSizeLength = 4;

    /// <summary>Index Indicator: a zero byte where a Block Header would start (§4.1).</summary>
    internal const byte IndexIndicator = 0x00;

    /// <summary>Everything in an xz stream is padded to a multiple of four bytes (§3.3, §4.4, §2.2).</summary>
    internal const int Alignment = 4;

    /// <summary>A multibyte integer takes at most 9 bytes and is below 2^63 (§1.2).</summary>
    private const int MaxVarintLength = 9;

    private const int VarintPayloadBits = 7;
    private const byte VarintMore = 0x80, VarintPayloadMask = 0x7F;

    /// <summary>Backward Size stores (real size / 4) - 1 (§2.1.2.2); the largest index it can describe is 16 GiB.</summary>
    private const long BackwardSizeUnit = 4;

    private static ReadOnlySpan<byte> HeaderMagic => [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];
    private static ReadOnlySpan<byte> FooterMagic => [(byte)'Y', (byte)'Z'];

    /// <summary>Stream flags for CRC64, the check pkgify's encoder writes (§2.1.1.2: first byte 0, check ID 4).</summary>
    internal static ReadOnlySpan<byte> Crc64Flags => [0x00, (byte)LibLzma.CheckCrc64];

    /// <summary>A stream header with the given flags.</summary>
    internal static byte[] Header(ReadOnlySpan<byte> flags)
    {
        var header = new byte[HeaderLength];
        HeaderMagic.CopyTo(header);
        flags.CopyTo(header.AsSpan(MagicLength));
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(MagicLength + FlagsLength), Crc32(flags));
        return header;
    }

    /// <summary>The stream flags of a stream header; damage is an <see cref="InvalidDataException"/>.</summary>
    internal static byte[] FlagsOfHeader(ReadOnlySpan<byte> header)
    {
        if (!header.StartsWith(HeaderMagic))
            throw new InvalidDataException("xz segment: no stream header magic");
        var flags = header.Slice(MagicLength, FlagsLength);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header[(MagicLength + FlagsLength)..]) != Crc32(flags))
            throw new InvalidDataException("xz segment: stream header CRC32 mismatch");
        return flags.ToArray();
    }

    /// <summary>The footer's stream flags and the real index size (§2.1.2).</summary>
    internal static (byte[] Flags, long IndexSize) ReadFooter(ReadOnlySpan<byte> footer)
    {
        if (!footer[(FooterLength - FooterMagic.Length)..].SequenceEqual(FooterMagic))
            throw new InvalidDataException("xz segment: no stream footer magic");
        var covered = footer.Slice(CrcLength, BackwardSizeLength + FlagsLength);
        if (BinaryPrimitives.ReadUInt32LittleEndian(footer) != Crc32(covered))
            throw new InvalidDataException("xz segment: stream footer CRC32 mismatch");
        long indexSize = (BinaryPrimitives.ReadUInt32LittleEndian(covered) + 1L) * BackwardSizeUnit;
        return (covered[BackwardSizeLength..].ToArray(), indexSize);
    }

    /// <summary>A footer for an index of <paramref name="indexSize"/> bytes (a multiple of four).</summary>
    internal static byte[] Footer(ReadOnlySpan<byte> flags, long indexSize)
    {
        var footer = new byte[FooterLength];
        var covered = footer.AsSpan(CrcLength, BackwardSizeLength + FlagsLength);
        BinaryPrimitives.WriteUInt32LittleEndian(covered, checked((uint)(indexSize / BackwardSizeUnit - 1)));
        flags.CopyTo(covered[BackwardSizeLength..]);
        BinaryPrimitives.WriteUInt32LittleEndian(footer, Crc32(covered));
        FooterMagic.CopyTo(footer.AsSpan(FooterLength - FooterMagic.Length));
        return footer;
    }

    /// <summary>Bytes up to the next multiple of four.</summary>
    internal static int PaddingFor(long length) => (int)((Alignment - length % Alignment) % Alignment);

    /// <summary>Appends a multibyte integer (§1.2: little-endian groups of 7 bits, high bit = more follow).</summary>
    internal static void WriteVarint(List<byte> output, ulong value)
    {
        while (value >= VarintMore)
        {
            output.Add((byte)(value | VarintMore));
            value >>= VarintPayloadBits;
        }
        output.Add((byte)value);
    }

    /// <summary>Reads a multibyte integer at <paramref name="offset"/>, advancing it; rejects overlong or unterminated forms.</summary>
    internal static ulong ReadVarint(ReadOnlySpan<byte> data, ref int offset)
    {
        ulong value = 0;
        for (int i = 0; i < MaxVarintLength; i++)
        {
            if (offset >= data.Length)
                throw new InvalidDataException("xz segment: index ends inside a number");
            byte b = data[offset++];
            value |= (ulong)(b & VarintPayloadMask) << (i * VarintPayloadBits);
            if ((b & VarintMore) == 0)
            {
                // §1.2: a zero byte may not end a multibyte form (the encoding must be the shortest).
                if (b == 0 && i > 0)
                    throw new InvalidDataException("xz segment: index number is not in its shortest form");
                return value;
            }
        }
        throw new InvalidDataException("xz segment: index number longer than 9 bytes");
    }

    /// <summary>CRC32 as xz uses it (§5.3.1: the one of IEEE 802.3, as zlib's crc32).</summary>
    internal static unsafe uint Crc32(ReadOnlySpan<byte> data)
    {
        fixed (byte* p = data)
            return (uint)LibZ.crc32(0, p, (uint)data.Length);
    }
}
