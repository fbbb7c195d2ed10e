using System.Buffers.Binary;

namespace Pkgify.Formats.Compression;

/// <summary>The fixed parts of a gzip member (RFC 1952 §2.3) that pkgify writes itself.</summary>
internal static class GzipFormat
{
    /// <summary>ID1 ID2: the gzip magic.</summary>
    internal const byte Id1 = 0x1f, Id2 = 0x8b;

    /// <summary>CM 8: deflate.</summary>
    internal const byte MethodDeflate = 8;

    /// <summary>XFL: 2 = maximum compression (level 9), 4 = fastest (level 1), as gzip(1) sets them.</summary>
    private const byte XflMaximum = 2, XflFastest = 4, XflNone = 0;

    /// <summary>OS 3: Unix, what gzip(1) and .NET write on Linux; a constant so that the host never shows.</summary>
    private const byte OsUnix = 3;

    /// <summary>Header length without optional fields.</summary>
    internal const int HeaderLength = 10;

    /// <summary>Trailer: CRC32 then ISIZE, both little-endian.</summary>
    internal const int TrailerLength = 8;

    /// <summary>
    /// A header with FLG 0 (no name, comment or extra field) and MTIME 0 ("no time stamp available"),
    /// so the bytes never depend on the clock or the file name.
    /// </summary>
    internal static byte[] Header(int level) =>
        [Id1, Id2, MethodDeflate, 0, 0, 0, 0, 0, level == 9 ? XflMaximum : level == 1 ? XflFastest : XflNone, OsUnix];

    /// <summary>The trailer: CRC-32 of the data and its length modulo 2^32 (ISIZE).</summary>
    internal static byte[] Trailer(uint crc32, long length)
    {
        var trailer = new byte[TrailerLength];
        BinaryPrimitives.WriteUInt32LittleEndian(trailer, crc32);
        BinaryPrimitives.WriteUInt32LittleEndian(trailer.AsSpan(sizeof(uint)), unchecked((uint)length));
        return trailer;
    }
}
