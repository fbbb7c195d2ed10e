using System.Runtime.InteropServices;
using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>Opens compressing and decompressing streams and answers naming questions about the formats.</summary>
public static class CompressionCodec
{
    private static ReadOnlySpan<byte> GzipMagic => [GzipFormat.Id1, GzipFormat.Id2];

    /// <summary>xz Stream Header Magic Bytes (xz-file-format.txt §2.1.1.1).</summary>
    private static ReadOnlySpan<byte> XzMagic => [0xFD, (byte)'7', (byte)'z', (byte)'X', (byte)'Z', 0x00];

    /// <summary>Zstandard frame magic 0xFD2FB528, little-endian (RFC 8878 §3.1.1).</summary>
    private static ReadOnlySpan<byte> ZstdMagic => [0x28, 0xB5, 0x2F, 0xFD];

    /// <summary>Skippable frames: magic 0x184D2A50-0x184D2A5F, little-endian (RFC 8878 §3.1.2); zstd -d accepts them first.</summary>
    private static ReadOnlySpan<byte> ZstdSkippableMagicTail => [0x2A, 0x4D, 0x18];

    private const byte ZstdSkippableHighNibbleMask = 0xF0, ZstdSkippableFirstByte = 0x50;

    /// <summary>
    /// A write-only stream that compresses into <paramref name="output"/>; Dispose finishes the frame.
    /// Codec failures surface as <see cref="IOException"/>.
    /// </summary>
    public static Stream OpenEncoder(Stream output, CompressionOptions options, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        return options.Kind switch
        {
            CompressionKind.None => new StoredEncoderStream(output, leaveOpen),
            CompressionKind.Gzip => options.Threads == 1 && !options.SameBytesForAnyThreads
                ? new GzipEncoderStream(output, options.Level, leaveOpen)
                : new ParallelGzipEncoderStream(output, options.Level, options.EffectiveThreads, leaveOpen),
            CompressionKind.Xz => new XzEncoderStream(output, options.Level, options.EffectiveThreads, leaveOpen),
            CompressionKind.Zstd => new ZstdEncoderStream(output, options.Level, options.EffectiveThreads, leaveOpen),
            _ => throw UnknownKind(options.Kind),
        };
    }

    /// <summary>
    /// A read-only stream that decompresses all of <paramref name="input"/>. Damaged, truncated or trailing
    /// data surfaces as <see cref="InvalidDataException"/> ("xz: reason").
    /// </summary>
    public static Stream OpenDecoder(Stream input, CompressionKind kind, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(input);
        return kind switch
        {
            CompressionKind.None => new StoredDecoderStream(input, leaveOpen),
            CompressionKind.Gzip => new GzipDecoderStream(input, leaveOpen),
            CompressionKind.Xz => new XzDecoderStream(input, leaveOpen),
            CompressionKind.Zstd => new ZstdDecoderStream(input, leaveOpen),
            _ => throw UnknownKind(kind),
        };
    }

    /// <summary>The format whose magic bytes start <paramref name="header"/>; None if none matches.</summary>
    public static CompressionKind Sniff(ReadOnlySpan<byte> header)
    {
        if (header.StartsWith(XzMagic))
            return CompressionKind.Xz;
        if (header.StartsWith(ZstdMagic) || IsZstdSkippableFrame(header))
            return CompressionKind.Zstd;
        if (header.StartsWith(GzipMagic))
            return CompressionKind.Gzip;
        return CompressionKind.None;
    }

    /// <summary>"gzip"/"gz", "xz", "zstd"/"zst" or "none" (any case) to a kind.</summary>
    /// <exception cref="ArgumentException">unknown compression 'X' (use gzip, xz, zstd or none)</exception>
    public static CompressionKind Parse(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.ToLowerInvariant() switch
        {
            "gzip" or "gz" => CompressionKind.Gzip,
            "xz" => CompressionKind.Xz,
            "zstd" or "zst" => CompressionKind.Zstd,
            "none" => CompressionKind.None,
            _ => throw new ArgumentException($"unknown compression '{name}' (use gzip, xz, zstd or none)"),
        };
    }

    /// <summary>The suffix of a .deb member compressed this way: "", ".gz", ".xz", ".zst" (deb(5)).</summary>
    public static string FileSuffix(CompressionKind kind) => kind switch
    {
        CompressionKind.None => "",
        CompressionKind.Gzip => ".gz",
        CompressionKind.Xz => ".xz",
        CompressionKind.Zstd => ".zst",
        _ => throw UnknownKind(kind),
    };

    /// <summary>The RPM PAYLOADCOMPRESSOR value: "gzip", "xz", "zstd". None has no name (rpm always decompresses).</summary>
    public static string RpmCompressorName(CompressionKind kind) => kind switch
    {
        CompressionKind.Gzip => "gzip",
        CompressionKind.Xz => "xz",
        CompressionKind.Zstd => "zstd",
        CompressionKind.None => throw new ArgumentException("an RPM payload must be compressed: use gzip, xz or zstd", nameof(kind)),
        _ => throw UnknownKind(kind),
    };

    /// <summary>
    /// Accepted levels: gzip 1-9, xz 0-9, zstd 1-22 (20-22 are zstd's "ultra" levels: windows up to 128 MiB,
    /// still within what zstd -d accepts by default), none 0-0.
    /// </summary>
    public static (int Min, int Max) LevelRange(CompressionKind kind) => kind switch
    {
        CompressionKind.None => (0, 0),
        CompressionKind.Gzip => (1, 9),
        CompressionKind.Xz => (0, 9),
        CompressionKind.Zstd => (1, 22),
        _ => throw UnknownKind(kind),
    };

    /// <summary>
    /// The compressing engine behind <paramref name="kind"/> and its version (liblzma, libzstd, the system zlib
    /// and .NET's own), for callers that keep compressed bytes and must not mix outputs of different engines:
    /// a codec's bytes are deterministic for one engine version, not across versions.
    /// </summary>
    public static unsafe string EngineVersion(CompressionKind kind) => kind switch
    {
        CompressionKind.None => "stored",
        CompressionKind.Xz => "liblzma " + Marshal.PtrToStringUTF8((nint)LibLzma.lzma_version_string()),
        CompressionKind.Zstd => "libzstd " + Marshal.PtrToStringUTF8((nint)LibZstd.ZSTD_versionString()),
        CompressionKind.Gzip => $"zlib {Marshal.PtrToStringUTF8((nint)LibZ.zlibVersion())}; .NET {Environment.Version}",
        _ => throw UnknownKind(kind),
    };

    private static void Validate(CompressionOptions options)
    {
        var (min, max) = LevelRange(options.Kind);
        if (options.Level < min || options.Level > max)
            throw new ArgumentOutOfRangeException(nameof(options), options.Level,
                $"{options.Kind.ToString().ToLowerInvariant()} level must be {min}-{max}");
        if (options.Threads < 0)
            throw new ArgumentOutOfRangeException(nameof(options), options.Threads, "threads must be 0 (all processors) or more");
    }

    private static bool IsZstdSkippableFrame(ReadOnlySpan<byte> header) =>
        header.Length >= ZstdMagic.Length
        && (header[0] & ZstdSkippableHighNibbleMask) == ZstdSkippableFirstByte
        && header[1..].StartsWith(ZstdSkippableMagicTail);

    private static ArgumentOutOfRangeException UnknownKind(CompressionKind kind) =>
        new(nameof(kind), kind, "unknown compression kind");
}
