using System.Runtime.InteropServices;

namespace Pkgify.Formats.Compression.Native;

/// <summary>
/// P/Invoke surface of the system zlib, declared from /usr/include/zlib.h (zlib 1.2.13). Used for what
/// System.IO.Compression cannot do: the CRC-32 of parallel gzip pieces (crc32, crc32_combine64) and
/// gzip decoding that reports a truncated member instead of returning a silent short read.
/// uLong is 64-bit on LP64 Linux, hence nuint.
/// </summary>
internal static unsafe partial class LibZ
{
    private const string Library = "libz.so.1";

    /// <summary>Return codes (zlib.h).</summary>
    internal const int Ok = 0, StreamEnd = 1, NeedDict = 2, StreamError = -2, DataError = -3, MemError = -4,
        BufError = -5, VersionError = -6;

    /// <summary>Flush value Z_NO_FLUSH (zlib.h).</summary>
    internal const int NoFlush = 0;

    /// <summary>MAX_WBITS: a 32 KiB window, what gzip(1) uses.</summary>
    internal const int MaxWindowBits = 15;

    /// <summary>windowBits for inflate that accepts only a gzip wrapper (15 + 16, zlib.h inflateInit2).</summary>
    internal const int GzipWindowBits = MaxWindowBits + 16;

    [LibraryImport(Library)]
    internal static partial byte* zlibVersion();

    [LibraryImport(Library)]
    internal static partial int inflateInit2_(ZStream* strm, int windowBits, byte* version, int streamSize);

    [LibraryImport(Library)]
    internal static partial int inflateReset(ZStreamHandle strm);

    [LibraryImport(Library, EntryPoint = "inflate")]
    internal static partial int Inflate(ZStreamHandle strm, int flush);

    [LibraryImport(Library)]
    internal static partial int inflateEnd(ZStream* strm);

    [LibraryImport(Library)]
    internal static partial nuint crc32(nuint crc, byte* buf, uint len);

    /// <summary>CRC-32 of A+B from crc(A), crc(B) and len(B) (zlib.h, the 64-bit-offset variant).</summary>
    [LibraryImport(Library)]
    internal static partial nuint crc32_combine64(nuint crc1, nuint crc2, long len2);
}

/// <summary>
/// z_stream (zlib.h). LP64 layout, checked against the C compiler: size 112; avail_in 8, total_in 16,
/// next_out 24, avail_out 32, msg 48, state 56, zalloc 64, data_type 88, adler 96, reserved 104.
/// Null zalloc/zfree/opaque select zlib's own allocator.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZStream
{
    public byte* NextIn;
    public uint AvailIn;
    public nuint TotalIn;
    public byte* NextOut;
    public uint AvailOut;
    public nuint TotalOut;
    public byte* Msg;
    public void* State;
    public void* ZAlloc;
    public void* ZFree;
    public void* Opaque;
    public int DataType;
    public nuint Adler;
    public nuint Reserved;
}
