using System.Runtime.InteropServices;

namespace Pkgify.Formats.Compression.Native;

/// <summary>
/// P/Invoke surface of the system liblzma (xz-utils), declared from
/// /usr/include/lzma/{base,container,check}.h of liblzma 5.4.
/// </summary>
internal static unsafe partial class LibLzma
{
    private const string Library = "liblzma.so.5";

    /// <summary>lzma_ret values used by pkgify (base.h).</summary>
    internal const int Ok = 0, StreamEnd = 1, NoCheck = 2, UnsupportedCheck = 3, GetCheck = 4, MemError = 5,
        MemlimitError = 6, FormatError = 7, OptionsError = 8, DataError = 9, BufError = 10, ProgError = 11;

    /// <summary>lzma_action values (base.h).</summary>
    internal const int Run = 0, Finish = 3;

    /// <summary>LZMA_CHECK_CRC64 (check.h): what xz(1) writes by default.</summary>
    internal const int CheckCrc64 = 4;

    /// <summary>LZMA_CONCATENATED (container.h): decode every concatenated .xz stream, as xz -d does.</summary>
    internal const uint Concatenated = 0x08;

    /// <summary>One-line reason for an lzma_ret (wording after the comments in base.h).</summary>
    internal static string Describe(int ret) => ret switch
    {
        MemError => "cannot allocate memory",
        MemlimitError => "memory usage limit reached",
        FormatError => "file format not recognized",
        OptionsError => "unsupported compression options",
        DataError => "compressed data is corrupt",
        BufError => "unexpected end of input",
        UnsupportedCheck => "unsupported integrity check",
        ProgError => "programming error in the liblzma call (LZMA_PROG_ERROR)",
        _ => $"liblzma error {ret}",
    };

    /// <summary>The library's version, e.g. "5.4.1" (version.h).</summary>
    [LibraryImport(Library)]
    internal static partial byte* lzma_version_string();

    [LibraryImport(Library)]
    internal static partial int lzma_code(LzmaStreamHandle strm, int action);

    [LibraryImport(Library)]
    internal static partial void lzma_end(LzmaStream* strm);

    [LibraryImport(Library)]
    internal static partial int lzma_stream_encoder_mt(LzmaStreamHandle strm, LzmaMt* options);

    [LibraryImport(Library)]
    internal static partial ulong lzma_stream_encoder_mt_memusage(LzmaMt* options);

    [LibraryImport(Library)]
    internal static partial int lzma_stream_decoder(LzmaStreamHandle strm, ulong memlimit, uint flags);
}

/// <summary>
/// lzma_stream (base.h). LP64 layout (x86_64 and aarch64 alike), checked against the C compiler:
/// size 136; next_out 24, avail_out 32, allocator 48, internal 56, seek_pos 96, reserved_enum1 128.
/// All-zero memory is LZMA_STREAM_INIT.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LzmaStream
{
    public byte* NextIn;
    public nuint AvailIn;
    public ulong TotalIn;
    public byte* NextOut;
    public nuint AvailOut;
    public ulong TotalOut;
    public void* Allocator;
    public void* Internal;
    public void* ReservedPtr1;
    public void* ReservedPtr2;
    public void* ReservedPtr3;
    public void* ReservedPtr4;
    public ulong SeekPos;
    public ulong ReservedInt2;
    public nuint ReservedInt3;
    public nuint ReservedInt4;
    public int ReservedEnum1;
    public int ReservedEnum2;
}

/// <summary>
/// lzma_mt (container.h), the options of lzma_stream_encoder_mt. LP64 layout, checked against the C compiler:
/// size 128; block_size 8, timeout 16, preset 20, filters 24, check 32, memlimit_threading 64, reserved_ptr1 96.
/// </summary>
[StructLayout(LayoutKind.Sequential)]
internal unsafe struct LzmaMt
{
    public uint Flags;
    public uint Threads;
    public ulong BlockSize;
    public uint Timeout;
    public uint Preset;
    public void* Filters;
    public int Check;
    public int ReservedEnum1;
    public int ReservedEnum2;
    public int ReservedEnum3;
    public uint ReservedInt1;
    public uint ReservedInt2;
    public uint ReservedInt3;
    public uint ReservedInt4;
    public ulong MemlimitThreading;
    public ulong MemlimitStop;
    public ulong ReservedInt7;
    public ulong ReservedInt8;
    public void* ReservedPtr1;
    public void* ReservedPtr2;
    public void* ReservedPtr3;
    public void* ReservedPtr4;
}
