using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>
/// Zstandard compression through libzstd's streaming API (ZSTD_compressStream2), one frame with the
/// content checksum.
/// </summary>
/// <remarks>
/// nbWorkers is always at least 1: libzstd's multithreaded mode cuts the input into jobs whose size depends on
/// the compression parameters only, so every worker count ≥ 1 gives the same bytes, while nbWorkers 0 (the
/// single-threaded mode) would give different ones (zstd.h, ZSTD_c_nbWorkers / ZSTD_c_jobSize).
/// </remarks>
internal sealed unsafe class ZstdEncoderStream : EncoderStream
{
    private readonly ZstdContextHandle _context = ZstdContextHandle.CreateCompressor();
    private readonly PendingOutput _pending;

    public ZstdEncoderStream(Stream output, int level, int threads, bool leaveOpen) : base(output, leaveOpen)
    {
        _pending = new PendingOutput(output);
        try
        {
            Set(LibZstd.CompressionLevelParam, level, "compression level");
            Set(LibZstd.ChecksumFlagParam, 1, "content checksum");
            Set(LibZstd.NbWorkersParam, Math.Max(1, threads), "worker threads");
        }
        catch
        {
            _context.Dispose();
            throw;
        }
    }

    protected override void WriteCore(ReadOnlySpan<byte> data)
    {
        fixed (byte* source = data)
        {
            var input = new ZstdInBuffer { Src = source, Size = (nuint)data.Length };
            // In multithreaded mode a call may return before consuming everything; it blocks when it cannot progress.
            while (input.Pos < input.Size)
                Compress(&input, LibZstd.EndContinue);
        }
    }

    protected override void FlushCore() => _pending.WriteOut();

    protected override void FinishCore()
    {
        byte none = 0;
        var input = new ZstdInBuffer { Src = &none, Size = 0 };
        // ZSTD_e_end returns the number of bytes still to flush; 0 means the frame is complete.
        while (Compress(&input, LibZstd.EndFrame) != 0) { }
        _pending.WriteOut();
    }

    protected override void ReleaseCodec() => _context.Dispose();

    private nuint Compress(ZstdInBuffer* input, int endOp)
    {
        fixed (byte* target = _pending.Buffer)
        {
            var output = new ZstdOutBuffer { Dst = target + _pending.Count, Size = (nuint)_pending.Free };
            nuint ret = LibZstd.ZSTD_compressStream2(_context, &output, input, endOp);
            if (LibZstd.IsError(ret))
                throw new IOException($"zstd: compression failed: {LibZstd.ErrorName(ret)}");
            _pending.Advance((int)output.Pos);
            return ret;
        }
    }

    private void Set(int parameter, int value, string what)
    {
        nuint ret = LibZstd.ZSTD_CCtx_setParameter(_context, parameter, value);
        if (LibZstd.IsError(ret))
            throw new IOException($"zstd: cannot set {what} to {value}: {LibZstd.ErrorName(ret)}");
    }
}
