using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>
/// xz compression through liblzma's multithreaded stream encoder (lzma_stream_encoder_mt), CRC64 check.
/// </summary>
/// <remarks>
/// The threaded encoder cuts the input into blocks of a fixed size and stores each block's sizes in its
/// header, so the bytes depend on the block size but not on the number of threads (xz(1), --block-size).
/// It is used even for one thread so that 1 and N threads give the same bytes. The block size is fixed per
/// preset to xz's own default, 3 × the preset's dictionary size and at least 1 MiB (container.h).
/// </remarks>
internal sealed unsafe class XzEncoderStream : EncoderStream
{
    /// <summary>Native memory the encoder may use; threads are reduced (output unchanged) to stay under it.</summary>
    internal const ulong MemoryBudget = 1UL << 30;

    private const ulong MiB = 1UL << 20;
    private const ulong MinBlockSize = 1 * MiB;
    private const int BlocksPerDictionary = 3;

    /// <summary>LZMA2 dictionary size of presets 0-9 (xz(1), table of presets).</summary>
    private static readonly ulong[] PresetDictionarySize =
        [MiB / 4, 1 * MiB, 2 * MiB, 4 * MiB, 4 * MiB, 8 * MiB, 8 * MiB, 16 * MiB, 32 * MiB, 64 * MiB];

    private readonly LzmaStreamHandle _lzma = new();
    private readonly PendingOutput _pending;

    public XzEncoderStream(Stream output, int level, int threads, bool leaveOpen) : base(output, leaveOpen)
    {
        _pending = new PendingOutput(output);
        var mt = new LzmaMt
        {
            Preset = (uint)level,
            BlockSize = BlockSize(level),
            Check = LibLzma.CheckCrc64,
            Timeout = 0, // block until input is consumed or output is full (no busy polling)
        };
        mt.Threads = ThreadsWithinBudget(&mt, threads);
        int ret = LibLzma.lzma_stream_encoder_mt(_lzma, &mt);
        if (ret != LibLzma.Ok)
        {
            _lzma.Dispose();
            throw new IOException($"xz: cannot start the encoder: {LibLzma.Describe(ret)}");
        }
    }

    /// <summary>The block size used for <paramref name="level"/>; independent of the thread count.</summary>
    internal static ulong BlockSize(int level) => Math.Max(BlocksPerDictionary * PresetDictionarySize[level], MinBlockSize);

    private static uint ThreadsWithinBudget(LzmaMt* mt, int wanted)
    {
        for (int threads = wanted; threads > 1; threads--)
        {
            mt->Threads = (uint)threads;
            if (LibLzma.lzma_stream_encoder_mt_memusage(mt) <= MemoryBudget)
                return (uint)threads;
        }
        return 1;
    }

    protected override void WriteCore(ReadOnlySpan<byte> data)
    {
        fixed (byte* source = data)
        {
            LzmaStream* s = _lzma.Stream;
            s->NextIn = source;
            s->AvailIn = (nuint)data.Length;
            while (s->AvailIn > 0)
                Code(LibLzma.Run);
            s->NextIn = null;
        }
    }

    protected override void FlushCore() => _pending.WriteOut();

    protected override void FinishCore()
    {
        LzmaStream* s = _lzma.Stream;
        s->NextIn = null;
        s->AvailIn = 0;
        while (Code(LibLzma.Finish) != LibLzma.StreamEnd) { }
        _pending.WriteOut();
    }

    protected override void ReleaseCodec() => _lzma.Dispose();

    /// <summary>One lzma_code call into the free part of the pending buffer.</summary>
    private int Code(int action)
    {
        LzmaStream* s = _lzma.Stream;
        fixed (byte* target = _pending.Buffer)
        {
            int free = _pending.Free;
            s->NextOut = target + _pending.Count;
            s->AvailOut = (nuint)free;
            int ret = LibLzma.lzma_code(_lzma, action);
            s->NextOut = null;
            if (ret != LibLzma.Ok && ret != LibLzma.StreamEnd)
                throw new IOException($"xz: compression failed: {LibLzma.Describe(ret)}");
            _pending.Advance(free - (int)s->AvailOut);
            return ret;
        }
    }
}
