using System.Runtime.InteropServices;

namespace Pkgify.Formats.Compression.Native;

/// <summary>Owns a ZSTD_CCtx or ZSTD_DStream and frees it with the matching libzstd call, also from the finalizer.</summary>
internal sealed class ZstdContextHandle : SafeHandle
{
    private readonly bool _compressor;

    private ZstdContextHandle(nint context, bool compressor) : base(IntPtr.Zero, ownsHandle: true)
    {
        _compressor = compressor;
        SetHandle(context);
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>A new compression context (ZSTD_createCCtx).</summary>
    public static ZstdContextHandle CreateCompressor() => Checked(LibZstd.ZSTD_createCCtx(), compressor: true);

    /// <summary>A new decompression stream (ZSTD_createDStream).</summary>
    public static ZstdContextHandle CreateDecompressor() => Checked(LibZstd.ZSTD_createDStream(), compressor: false);

    private static ZstdContextHandle Checked(nint context, bool compressor) =>
        context == 0 ? throw new IOException("zstd: cannot allocate a context") : new ZstdContextHandle(context, compressor);

    protected override bool ReleaseHandle()
    {
        if (_compressor)
            LibZstd.ZSTD_freeCCtx(handle);
        else
            LibZstd.ZSTD_freeDStream(handle);
        return true;
    }
}
