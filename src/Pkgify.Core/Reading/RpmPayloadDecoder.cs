using Pkgify.Formats.Compression;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Reading;

/// <summary>Opens the decompressed cpio stream of an rpm payload the way rpm chooses its decompressor.</summary>
internal static class RpmPayloadDecoder
{
    private const int SniffLength = 8;

    /// <summary>
    /// Decompresses <paramref name="payload"/> by PAYLOADCOMPRESSOR. Without that tag rpm opens the payload
    /// with its gzip reader (`rpm: lib/psm.c`), which passes non-gzip data through unchanged (zlib gzread): so
    /// a payload starting with the gzip magic is gzip, anything else is read as is (rpmbuild's "w.ufdio").
    /// </summary>
    /// <exception cref="InvalidDataException">A compressor pkgify does not read (bzip2, lzma).</exception>
    public static Stream Open(Stream payload, RpmHeader header)
    {
        var kind = header.GetString(RpmTags.PayloadCompressor) switch
        {
            "gzip" => CompressionKind.Gzip,
            "xz" => CompressionKind.Xz,
            "zstd" => CompressionKind.Zstd,
            null => default(CompressionKind?),
            var other => throw new InvalidDataException($"rpm payload compressor '{other}' is not supported (gzip, xz, zstd)"),
        };
        if (kind is { } known)
            return CompressionCodec.OpenDecoder(payload, known, leaveOpen: true);

        var head = new byte[SniffLength];
        int n = payload.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        var rest = new PrefixedReadStream(head.AsMemory(0, n), payload);
        bool gzip = CompressionCodec.Sniff(head.AsSpan(0, n)) == CompressionKind.Gzip;
        return CompressionCodec.OpenDecoder(rest, gzip ? CompressionKind.Gzip : CompressionKind.None, leaveOpen: false);
    }
}
