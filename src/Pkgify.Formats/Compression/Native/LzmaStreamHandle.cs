using System.Runtime.InteropServices;

namespace Pkgify.Formats.Compression.Native;

/// <summary>
/// Owns one lzma_stream in native memory (liblzma keeps pointers into it, so it must never move) and always
/// calls lzma_end before freeing it, also from the finalizer when a stream was never disposed.
/// </summary>
internal sealed unsafe class LzmaStreamHandle : SafeHandle
{
    public LzmaStreamHandle() : base(IntPtr.Zero, ownsHandle: true)
    {
        // Zeroed memory is LZMA_STREAM_INIT (base.h).
        SetHandle((IntPtr)NativeMemory.AllocZeroed((nuint)sizeof(LzmaStream)));
    }

    public override bool IsInvalid => handle == IntPtr.Zero;

    /// <summary>The native struct; valid until the handle is disposed.</summary>
    public LzmaStream* Stream => (LzmaStream*)handle;

    protected override bool ReleaseHandle()
    {
        // lzma_end on a stream that was never initialised is a no-op (internal == NULL).
        LibLzma.lzma_end((LzmaStream*)handle);
        NativeMemory.Free((void*)handle);
        return true;
    }
}
