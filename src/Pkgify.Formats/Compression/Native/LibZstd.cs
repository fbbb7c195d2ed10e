using System.Runtime.InteropServices;

namespace Pkgify.Formats.Compression.Native;

/// <summary>P/Invoke surface of the system libzstd, declared from /usr/include/zstd.h (zstd 1.5).</summary>
internal static unsafe partial class LibZstd
{
    private const string Library = "libzstd.so.1";

    /// <summary>ZSTD_cParameter values (zstd.h).</summary>
    internal const int CompressionLevelParam = 100, ChecksumFlagParam = 201, NbWorkersParam = 400;

    /// <summary>ZSTD_dParameter ZSTD_d_windowLogMax (zstd.h).</summary>
    internal const int WindowLogMaxParam = 100;

    /// <summary>ZSTD_EndDirective values (zstd.h).</summary>
    internal const int EndContinue = 0, EndFrame = 2;

    /// <summary>The library's version, e.g. "1.5.4" (zstd.h).</summary>
    [LibraryImport(Library)]
    internal static partial byte* ZSTD_versionString();

    [LibraryImport(Library)]
    internal static partial nint ZSTD_createCCtx();

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_freeCCtx(nint cctx);

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_CCtx_setParameter(ZstdContextHandle cctx, int param, int value);

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_compressStream2(ZstdContextHandle cctx, ZstdOutBuffer* output, ZstdInBuffer* input, int endOp);

    [LibraryImport(Library)]
    internal static partial nint ZSTD_createDStream();

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_freeDStream(nint dstream);

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_DCtx_setParameter(ZstdContextHandle dctx, int param, int value);

    [LibraryImport(Library)]
    internal static partial nuint ZSTD_decompressStream(ZstdContextHandle dstream, ZstdOutBuffer* output, ZstdInBuffer* input);

    [LibraryImport(Library)]
    internal static partial uint ZSTD_isError(nuint code);

    [LibraryImport(Library)]
    internal static partial byte* ZSTD_getErrorName(nuint code);

    /// <summary>True when a size_t result is an error code.</summary>
    internal static bool IsError(nuint code) => ZSTD_isError(code) != 0;

    /// <summary>libzstd's one-line description of an error code.</summary>
    internal static string ErrorName(nuint code) => Marshal.PtrToStringUTF8((IntPtr)ZSTD_getErrorName(code)) ?? "unknown error";
}

/// <summary>ZSTD_inBuffer (zstd.h): { const void* src; size_t size; size_t pos; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZstdInBuffer
{
    public byte* Src;
    public nuint Size;
    public nuint Pos;
}

/// <summary>ZSTD_outBuffer (zstd.h): { void* dst; size_t size; size_t pos; }.</summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct ZstdOutBuffer
{
    public byte* Dst;
    public nuint Size;
    public nuint Pos;
}
