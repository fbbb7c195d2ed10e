using Pkgify.Formats.Compression;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Compressed .deb members for the mutator: the codec named by the member's suffix (deb(5)), decoding and
/// re-encoding a valid member, and damage to the stream headers that gets past their own checks where the
/// format has one (xz stream flags and block headers carry a CRC32 that is re-computed; xz-file-format.txt §2.1.1,
/// §3.1), so the hostile values reach the decoder's limits instead of stopping at the checksum.
/// </summary>
internal static class CompressedMember
{
    private const int XzStreamHeaderSize = 12, XzFlagsOffset = 6, XzFlagsLength = 2, XzBlockHeaderOffset = 12;
    private const int XzBlockHeaderUnit = 4, CrcLength = 4;
    private const int GzipFlagsOffset = 3, GzipHeaderSize = 10;
    private const int ZstdFrameHeaderOffset = 4, ZstdMaxFrameHeader = 14;

    public static CompressionKind KindOf(string memberName) =>
        memberName.EndsWith(".xz", StringComparison.Ordinal) ? CompressionKind.Xz
        : memberName.EndsWith(".gz", StringComparison.Ordinal) ? CompressionKind.Gzip
        : memberName.EndsWith(".zst", StringComparison.Ordinal) ? CompressionKind.Zstd
        : CompressionKind.None;

    public static byte[] Decode(byte[] data, CompressionKind kind)
    {
        using var decoder = CompressionCodec.OpenDecoder(new MemoryStream(data), kind);
        using var output = new MemoryStream();
        decoder.CopyTo(output);
        return output.ToArray();
    }

    public static byte[] Encode(byte[] data, CompressionKind kind)
    {
        using var output = new MemoryStream();
        using (var encoder = CompressionCodec.OpenEncoder(output, CompressionOptions.Default(kind) with { Threads = 1 }, leaveOpen: true))
            encoder.Write(data);
        return output.ToArray();
    }

    /// <summary>Scribbles over the codec's header fields; returns the damaged copy and what was hit.</summary>
    public static (byte[] Data, string What) DamageHeader(byte[] data, CompressionKind kind, Random rng)
    {
        switch (kind)
        {
            case CompressionKind.Xz when data.Length > XzStreamHeaderSize + 1 && rng.Next(2) == 0:
                var flags = ByteMutations.Scribble(data, XzFlagsOffset, XzFlagsLength, rng);
                Crc32.Store(flags, XzFlagsOffset, XzFlagsLength);
                return (flags, "xz stream flags (CRC32 re-sealed)");
            case CompressionKind.Xz when data.Length > XzStreamHeaderSize + 1:
                var size = (data[XzBlockHeaderOffset] + 1) * XzBlockHeaderUnit;
                var bodyLength = Math.Min(size - CrcLength, data.Length - XzBlockHeaderOffset - CrcLength) - 1;
                if (bodyLength <= 0)
                    return (ByteMutations.Scribble(data, 0, Math.Min(data.Length, XzStreamHeaderSize + 4), rng), "xz headers");
                var block = ByteMutations.Scribble(data, XzBlockHeaderOffset + 1, bodyLength, rng);
                Crc32.Store(block, XzBlockHeaderOffset, 1 + bodyLength);
                return (block, "xz block header: sizes, filter flags, dictionary (CRC32 re-sealed)");
            case CompressionKind.Gzip when data.Length > GzipHeaderSize:
                var gz = (byte[])data.Clone();
                gz[GzipFlagsOffset] = (byte)rng.Next(256); // FEXTRA/FNAME/FCOMMENT/FHCRC make the following bytes lengths
                return (ByteMutations.Scribble(gz, GzipFlagsOffset, GzipHeaderSize - GzipFlagsOffset + 2, rng), "gzip header flags and fields");
            case CompressionKind.Zstd when data.Length > ZstdFrameHeaderOffset:
                return (ByteMutations.Scribble(data, ZstdFrameHeaderOffset, Math.Min(ZstdMaxFrameHeader, data.Length - ZstdFrameHeaderOffset), rng),
                    "zstd frame header: descriptor, window, content size");
            default:
                return (ByteMutations.Scribble(data, 0, Math.Min(data.Length, 32), rng), "stream start");
        }
    }

    /// <summary>Another codec's magic over the member's first bytes (the name still says the old codec).</summary>
    public static (byte[] Data, string What) BogusMagic(byte[] data, Random rng)
    {
        byte[][] magics = [[0x1F, 0x8B, 0x08], [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00], [0x28, 0xB5, 0x2F, 0xFD], [0x50, 0x2A, 0x4D, 0x18, 0xFF, 0xFF, 0xFF, 0x7F], "BZh9"u8.ToArray()];
        var magic = magics[rng.Next(magics.Length)];
        var bytes = (byte[])data.Clone();
        magic.AsSpan(0, Math.Min(magic.Length, bytes.Length)).CopyTo(bytes);
        return (bytes, $"magic {Convert.ToHexString(magic)} over the stream start");
    }
}
