using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Writers.Segments;

/// <summary>
/// The cache key of a compressed segment: everything its compressed bytes depend on. Those are the
/// uncompressed bytes (their SHA-256 and length), the codec, its level, gzip's single-stream or block
/// format, and the compressing library's version; the thread count is left out since it never changes the
/// bytes (<see cref="CompressionOptions"/>).
/// </summary>
internal static class SegmentKey
{
    /// <summary>Bump when the way a segment is compressed or stored changes, so older entries are no longer used.</summary>
    private const int FormatVersion = 1;

    /// <summary>Lowercase hex SHA-256 naming the entry.</summary>
    public static string For(string uncompressedSha256, long uncompressedLength, CompressionOptions options)
    {
        bool gzipSingleStream = options.Kind == CompressionKind.Gzip && options.Threads == 1 && !options.SameBytesForAnyThreads;
        var text = string.Join('\n',
            $"pkgify segment {FormatVersion.ToString(CultureInfo.InvariantCulture)}",
            $"codec {options.Kind.ToString().ToLowerInvariant()} level {options.Level.ToString(CultureInfo.InvariantCulture)}",
            $"gzip single stream {gzipSingleStream}",
            $"engine {CompressionCodec.EngineVersion(options.Kind)}",
            $"data {uncompressedLength.ToString(CultureInfo.InvariantCulture)} {uncompressedSha256}");
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}
