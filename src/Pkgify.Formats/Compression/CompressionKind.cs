namespace Pkgify.Formats.Compression;

/// <summary>A compression format pkgify can write and read.</summary>
public enum CompressionKind
{
    /// <summary>Stored as is.</summary>
    None,

    /// <summary>gzip (RFC 1952).</summary>
    Gzip,

    /// <summary>xz (the .xz container of xz-utils, LZMA2, CRC64 check).</summary>
    Xz,

    /// <summary>Zstandard (RFC 8878), with the content checksum.</summary>
    Zstd,
}
