using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>
/// Parallel gzip in the manner of pigz: the input is cut into fixed 1 MiB chunks, each compressed on its own
/// as raw deflate ending byte-aligned (sync flush), the results concatenated in order into ONE gzip member
/// with the CRC-32 of the whole (crc32_combine) and ISIZE.
/// </summary>
/// <remarks>
/// A chunk's bytes depend only on the level and its own input — never on the thread that compressed it —
/// so every thread count gives the same output. Memory is bounded: a fixed ring of threads + min(threads, 8)
/// + 2 slots (pigz keeps about twice as many input buffers as threads; with 1 MiB chunks a few spare ones
/// keep many cores busy), each reused once its output is written.
/// The ring is deeper than the number of threads so that the writer fills the next chunks while every
/// worker is busy, instead of waiting for the oldest chunk with a core idle; at most <c>threads</c> chunks
/// compress at once.
/// </remarks>
internal sealed class ParallelGzipEncoderStream : EncoderStream
{
    /// <summary>Ring size = threads + min(threads, MaxSpareSlots) + ExtraSlots: work queued for the workers, plus the chunk being filled.</summary>
    private const int MaxSpareSlots = 8, ExtraSlots = 2;

    private readonly int _level;
    private readonly DeflateChunk[] _slots;
    private readonly TaskScheduler _workers;
    private DeflateChunk _current;
    private long _submitted;
    private long _written;
    private uint _crc;
    private long _length;

    public ParallelGzipEncoderStream(Stream output, int level, int threads, bool leaveOpen) : base(output, leaveOpen)
    {
        _level = level;
        threads = Math.Max(1, threads);
        // The pair's concurrent side runs at most `threads` chunks at a time on the shared thread pool.
        _workers = new ConcurrentExclusiveSchedulerPair(TaskScheduler.Default, threads).ConcurrentScheduler;
        _slots = new DeflateChunk[threads + Math.Min(threads, MaxSpareSlots) + ExtraSlots];
        for (int i = 0; i < _slots.Length; i++)
            _slots[i] = new DeflateChunk();
        _current = _slots[0];
        Output.Write(GzipFormat.Header(level));
    }

    protected override void WriteCore(ReadOnlySpan<byte> data)
    {
        while (!data.IsEmpty)
        {
            // A full chunk is sent only once more data arrives: until then it may still be the last one.
            if (_current.Length == DeflateChunk.Size)
            {
                Submit(isLast: false);
                ClaimNextSlot();
            }
            data = data[_current.Append(data)..];
        }
    }

    // Compressed chunks reach the output as soon as they are next in order; nothing else is buffered.
    protected override void FlushCore() { }

    protected override void FinishCore()
    {
        Submit(isLast: true);
        while (_written < _submitted)
            WriteOldest();
        Output.Write(GzipFormat.Trailer(_crc, _length));
    }

    protected override void ReleaseCodec()
    {
        // After a failure chunks may still be compressing: let them end before the slots are dropped.
        foreach (var slot in _slots)
        {
            try
            {
                slot.Job?.Wait();
            }
            catch (AggregateException)
            {
                // Already reported to the writer (or the stream is being abandoned).
            }
        }
    }

    private void Submit(bool isLast)
    {
        var chunk = _current;
        chunk.IsLast = isLast;
        chunk.Job = Task.Factory.StartNew(() => chunk.Compress(_level), CancellationToken.None, TaskCreationOptions.DenyChildAttach, _workers);
        _submitted++;
    }

    private void ClaimNextSlot()
    {
        if (_submitted - _written == _slots.Length)
            WriteOldest();
        var slot = _slots[_submitted % _slots.Length];
        slot.Length = 0;
        _current = slot;
    }

    /// <summary>Waits for the oldest chunk in flight, writes its deflate bytes and folds it into CRC and size.</summary>
    private void WriteOldest()
    {
        var chunk = _slots[_written % _slots.Length];
        chunk.Job!.GetAwaiter().GetResult();
        chunk.Job = null;
        Output.Write(chunk.Output, 0, chunk.OutputLength);
        _crc = (uint)LibZ.crc32_combine64(_crc, chunk.Crc, chunk.Length);
        _length += chunk.Length;
        _written++;
    }
}
