using System.Runtime.InteropServices;

namespace Pkgify.Formats.Compression.Native;

/// <summary>
/// Owns one z_stream in native memory: zlib's state keeps a pointer back to it and rejects a moved stream
/// (inflateStateCheck in zlib 1.2.13), so it must not live on the managed heap.
/// Ends it with inflateEnd, also from the finalizer.
/// </summary>
internal sealed unsafe class ZStreamHandle : SafeHandle
{
    private ZStreamHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
        SetHandle((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(ZStream)));
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The native struct; valid until the handle is disposed.</summary>
    public ZStream* Stream => (ZStream*)handle;

    /// <summary>An inflater that accepts exactly one gzip member (reset it for the next one).</summary>
    public static ZStreamHandle CreateGzipInflater()
    {
        var z = new ZStreamHandle();
        int rc = LibZ.inflateInit2_(z.Stream, LibZ.GzipWindowBits, LibZ.zlibVersion(), sizeof(ZStream));
        return z.CheckInit(rc, "gzip: inflateInit2 failed");
    }

    /// <summary>zlib's message for the last error, or <paramref name="fallback"/>.</summary>
    public string Message(string fallback) => Stream->Msg == null ? fallback : Marshal.PtrToStringUTF8((IntPtr)Stream->Msg) ?? fallback;

    private ZStreamHandle CheckInit(int rc, string what)
    {
        if (rc == LibZ.Ok)
            return this;
        Dispose();
        throw new IOException($"{what} (zlib error {rc})");
    }

    protected override bool ReleaseHandle()
    {
        // inflateEnd returns Z_STREAM_ERROR, harmlessly, for a stream whose Init failed.
        LibZ.inflateEnd((ZStream*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
