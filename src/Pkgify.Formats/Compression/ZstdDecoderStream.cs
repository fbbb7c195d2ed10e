using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>
/// Zstandard decompression through libzstd's streaming API (ZSTD_decompressStream): every frame in the input,
/// skippable frames skipped, with a window limit that refuses hostile window sizes.
/// </summary>
internal sealed unsafe class ZstdDecoderStream : NativeDecoderStream
{
    /// <summary>
    /// 2^27 = 128 MiB, what zstd(1) accepts without --long (ZSTD_WINDOWLOG_LIMIT_DEFAULT) and what level 22 uses.
    /// </summary>
    internal const int WindowLogMax = 27;

    private readonly ZstdContextHandle _context = ZstdContextHandle.CreateDecompressor();

    /// <summary>True between a frame's first byte and its end: the input must not end there.</summary>
    private bool _inFrame;

    public ZstdDecoderStream(Stream input, bool leaveOpen) : base(input, leaveOpen)
    {
        nuint ret = LibZstd.ZSTD_DCtx_setParameter(_context, LibZstd.WindowLogMaxParam, WindowLogMax);
        if (LibZstd.IsError(ret))
        {
            _context.Dispose();
            throw new IOException($"zstd: cannot set the window limit: {LibZstd.ErrorName(ret)}");
        }
    }

    protected override string CodecName => "zstd";

    protected override DecodeStep Step(Span<byte> output, ReadOnlySpan<byte> input, bool inputEnded)
    {
        if (inputEnded && !_inFrame)
            return new DecodeStep(0, 0, Finished: true);
        fixed (byte* target = output)
        fixed (byte* source = input)
        {
            var inBuffer = new ZstdInBuffer { Src = source, Size = (nuint)input.Length };
            var outBuffer = new ZstdOutBuffer { Dst = target, Size = (nuint)output.Length };
            nuint ret = LibZstd.ZSTD_decompressStream(_context, &outBuffer, &inBuffer);
            if (LibZstd.IsError(ret))
                throw Damaged(LibZstd.ErrorName(ret));
            // 0: a frame is complete and fully flushed; otherwise more input or more flushing is needed.
            _inFrame = ret != 0;
            return new DecodeStep((int)inBuffer.Pos, (int)outBuffer.Pos);
        }
    }

    protected override void ReleaseCodec() => _context.Dispose();
}
