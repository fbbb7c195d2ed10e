using System.Buffers.Binary;

namespace Pkgify.Formats.Compression.Segments;

/// <summary>
/// The index of an .xz stream (xz-file-format-1.0.4.txt §4): indicator 0x00, number of records, one
/// (unpadded size, uncompressed size) record per block, zero padding to four bytes, CRC32 of all that.
/// </summary>
internal static class XzIndex
{
    private const int CrcLength = 4;

    /// <summary>The smallest possible index: indicator, zero records, padding, CRC32 (§4).</summary>
    private const int MinLength = 8;

    /// <summary>Unpadded Size is at least a 5-byte block header's share plus a byte (§4.3.1 allows 5 and up).</summary>
    private const ulong MinUnpaddedSize = 5;

    /// <summary>Sizes are below 2^63 - 4 (§4.3: "UNPADDED_SIZE_MAX").</summary>
    private const ulong MaxUnpaddedSize = (1UL << 63) - 4;

    /// <summary>The records of a whole index (CRC32 and padding checked).</summary>
    public static List<(ulong Unpadded, ulong Uncompressed)> Parse(ReadOnlySpan<byte> index)
    {
        if (index.Length < MinLength || index.Length % XzFormat.Alignment != 0 || index[0] != XzFormat.IndexIndicator)
            throw new InvalidDataException("xz segment: no index where the footer points");
        var body = index[..^CrcLength];
        if (BinaryPrimitives.ReadUInt32LittleEndian(index[^CrcLength..]) != XzFormat.Crc32(body))
            throw new InvalidDataException("xz segment: index CRC32 mismatch");
        int offset = 1;
        ulong count = XzFormat.ReadVarint(body, ref offset);
        // Each record takes at least two bytes: the count cannot claim more records than the index holds.
        if (count > (ulong)body.Length / 2)
            throw new InvalidDataException($"xz segment: index claims {count} records in {index.Length} bytes");
        var records = new List<(ulong, ulong)>((int)count);
        for (ulong i = 0; i < count; i++)
        {
            ulong unpadded = XzFormat.ReadVarint(body, ref offset);
            ulong uncompressed = XzFormat.ReadVarint(body, ref offset);
            if (unpadded < MinUnpaddedSize || unpadded > MaxUnpaddedSize)
                throw new InvalidDataException($"xz segment: impossible block size {unpadded} in the index");
            records.Add((unpadded, uncompressed));
        }
        if (body.Length - offset != XzFormat.PaddingFor(offset) || body[offset..].IndexOfAnyExcept((byte)0) >= 0)
            throw new InvalidDataException("xz segment: bad index padding");
        return records;
    }

    /// <summary>Encodes an index listing <paramref name="records"/> in order.</summary>
    public static byte[] Build(IReadOnlyList<(ulong Unpadded, ulong Uncompressed)> records)
    {
        var body = new List<byte> { XzFormat.IndexIndicator };
        XzFormat.WriteVarint(body, (ulong)records.Count);
        foreach (var (unpadded, uncompressed) in records)
        {
            XzFormat.WriteVarint(body, unpadded);
            XzFormat.WriteVarint(body, uncompressed);
        }
        for (int pad = XzFormat.PaddingFor(body.Count); pad > 0; pad--)
            body.Add(0);
        var index = new byte[body.Count + CrcLength];
        body.CopyTo(index);
        BinaryPrimitives.WriteUInt32LittleEndian(index.AsSpan(body.Count), XzFormat.Crc32(index.AsSpan(0, body.Count)));
        return index;
    }
}
