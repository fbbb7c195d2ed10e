using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>
/// xz decompression through liblzma's stream decoder with LZMA_CONCATENATED (like xz -d: every stream in
/// the input, with stream padding) and a memory limit that refuses hostile dictionary sizes.
/// </summary>
internal sealed unsafe class XzDecoderStream : NativeDecoderStream
{
    /// <summary>1 GiB: above what any xz preset needs (-9: 65 MiB), far below what a hostile header may claim.</summary>
    internal const ulong MemoryLimit = 1UL << 30;

    private readonly LzmaStreamHandle _lzma = new();

    public XzDecoderStream(Stream input, bool leaveOpen) : base(input, leaveOpen)
    {
        int ret = LibLzma.lzma_stream_decoder(_lzma, MemoryLimit, LibLzma.Concatenated);
        if (ret != LibLzma.Ok)
        {
            _lzma.Dispose();
            throw new IOException($"xz: cannot start the decoder: {LibLzma.Describe(ret)}");
        }
    }

    protected override string CodecName => "xz";

    protected override DecodeStep Step(Span<byte> output, ReadOnlySpan<byte> input, bool inputEnded)
    {
        LzmaStream* s = _lzma.Stream;
        fixed (byte* target = output)
        fixed (byte* source = input)
        {
            s->NextIn = source;
            s->AvailIn = (nuint)input.Length;
            s->NextOut = target;
            s->AvailOut = (nuint)output.Length;
            // LZMA_FINISH once the input is exhausted: that is how liblzma learns where the input ends.
            int ret = LibLzma.lzma_code(_lzma, inputEnded ? LibLzma.Finish : LibLzma.Run);
            var step = new DecodeStep(input.Length - (int)s->AvailIn, output.Length - (int)s->AvailOut, ret == LibLzma.StreamEnd);
            s->NextIn = null;
            s->NextOut = null;
            return ret switch
            {
                LibLzma.Ok or LibLzma.StreamEnd => step,
                LibLzma.BufError => throw Truncated(),
                LibLzma.MemlimitError => throw Damaged($"the stream needs more than the {MemoryLimit >> 20} MiB memory limit to decode"),
                _ => throw Damaged(LibLzma.Describe(ret)),
            };
        }
    }

    protected override void ReleaseCodec() => _lzma.Dispose();
}
