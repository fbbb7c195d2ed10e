using System.Runtime.ExceptionServices;
using System.Security.Cryptography;
using Pkgify.Core.Model;
using Pkgify.Formats.Hashing;

namespace Pkgify.Core.Writers;

/// <summary>
/// Reads and hashes a payload's files ahead of the archive writer, on background threads, so that disk
/// reads and the per-file digest (md5sums, FILEDIGESTS) overlap with compression instead of adding to the
/// writer's thread: with fast codecs (zstd, parallel gzip) that thread, not the compressor, is otherwise
/// what limits a many-core host. Each file is still read once, in order.
/// </summary>
/// <remarks>
/// File <c>i</c> is read by worker <c>i mod workers</c>. A worker packs its files one after another into
/// buffers of <see cref="ChunkSize"/> bytes and hands over only full buffers (or its last one), each with
/// the list of file pieces it holds: for a tree of small files that is one handoff per 256 KiB rather than
/// one per file, so the threads rarely wait for each other. The writer takes the files back in their
/// original order. Memory is bounded: every worker owns <see cref="BuffersPerWorker"/> buffers and waits
/// when all of them are handed over.
/// </remarks>
public sealed class PayloadPrefetcher : IDisposable
{
    /// <summary>The size of a read-ahead buffer; small files share one.</summary>
    public const int ChunkSize = 256 * 1024;

    /// <summary>4 MiB of read-ahead per worker.</summary>
    public const int BuffersPerWorker = 16;

    private readonly IReadOnlyList<PackageFile> _files;
    private readonly Worker[] _workers;
    private int _next;
    private bool _disposed;

    /// <param name="files">The files with content (a <see cref="PackageFile.Source"/>), in the order the writer will take them.</param>
    /// <param name="hash">The digest to compute for each file.</param>
    /// <param name="workers">Reading threads; 0 picks one per four processors, at most <see cref="MaxWorkers"/>.</param>
    /// <param name="onRead">Called on a reading thread with the size of every block read (progress).</param>
    public PayloadPrefetcher(IReadOnlyList<PackageFile> files, HashAlgorithmName hash, int workers = 0, Action<long>? onRead = null)
    {
        _files = files;
        int count = workers > 0 ? workers : DefaultWorkers;
        _workers = new Worker[Math.Min(count, Math.Max(1, files.Count))];
        for (int w = 0; w < _workers.Length; w++)
            _workers[w] = new Worker(files, w, _workers.Length, hash, onRead);
    }

    /// <summary>Hashing one stream runs at ~0.6 GB/s (MD5) to ~1.5 GB/s (SHA-256 with SHA-NI): a few workers feed any codec.</summary>
    public const int MaxWorkers = 4;

    private const int ProcessorsPerWorker = 4;

    private static int DefaultWorkers => Math.Clamp(Environment.ProcessorCount / ProcessorsPerWorker, 1, MaxWorkers);

    /// <summary>
    /// The next file's content. Read it (its declared size) and take its digest before asking for the next
    /// one. A read failure of the file surfaces in the stream's Read.
    /// </summary>
    public PrefetchedFile Next()
    {
        if (_next >= _files.Count)
            throw new InvalidOperationException("every file of the payload was taken already");
        var file = new PrefetchedFile(_workers[_next % _workers.Length], _files[_next].Path);
        _next++;
        return file;
    }

    /// <summary>Stops the workers (also half-way, after a failure) and waits for them to close their files.</summary>
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        foreach (var w in _workers)
            w.Stop();
    }

    /// <summary>
    /// Part of one file in a buffer. The last piece of a file has its digest, or the error that ended it
    /// (then <see cref="IsLast"/> too); a file's pieces are consecutive in its worker's stream of pieces.
    /// </summary>
    internal readonly record struct Piece(byte[] Buffer, int Offset, int Length, byte[]? Digest, ExceptionDispatchInfo? Error)
    {
        public bool IsLast => Digest is not null || Error is not null;
    }

    /// <summary>A full buffer and the pieces of files it holds, in order.</summary>
    private sealed record Batch(byte[] Buffer, List<Piece> Pieces);

    /// <summary>One reading thread, the batches it hands over, and the writer's position in them.</summary>
    internal sealed class Worker
    {
        private readonly HandoffQueue<Batch> _full = new();
        private readonly HandoffQueue<byte[]> _free = new();
        private readonly Thread _thread;

        // The consumer's side, used only by the writer's thread.
        private Batch? _current;
        private int _pieceIndex;

        public Worker(IReadOnlyList<PackageFile> files, int first, int stride, HashAlgorithmName hash, Action<long>? onRead)
        {
            for (int i = 0; i < BuffersPerWorker; i++)
                _free.Add(new byte[ChunkSize]);
            _thread = new Thread(() => Run(files, first, stride, hash, onRead)) { IsBackground = true, Name = "pkgify prefetch" };
            _thread.Start();
        }

        /// <summary>
        /// The next piece of the files this worker reads. The buffer of the previous piece goes back to the
        /// worker once every piece in it was taken: the caller must be done with it.
        /// </summary>
        public Piece NextPiece()
        {
            while (_current is null || _pieceIndex == _current.Pieces.Count)
            {
                if (_current is not null)
                    _free.Add(_current.Buffer);
                _current = null;
                _current = _full.Take();
                _pieceIndex = 0;
            }
            return _current.Pieces[_pieceIndex++];
        }

        public void Stop()
        {
            _free.Cancel();
            _thread.Join();
        }

        private void Run(IReadOnlyList<PackageFile> files, int first, int stride, HashAlgorithmName hash, Action<long>? onRead)
        {
            // MD5 (md5sums) of the files that start and end in one buffer is left to the moment the buffer is
            // handed over, then taken for all of them at once by SIMD lanes (Md5MultiBuffer): several times the
            // throughput of one stream on a tree of small files. SHA-256 (SHA-NI) and long files stream as before.
            var batchMd5 = hash == HashAlgorithmName.MD5 && Md5MultiBuffer.Lanes > 1;
            var filler = new BatchFiller(this, onRead, batchMd5);
            try
            {
                using var digest = IncrementalHash.CreateHash(hash);
                for (int i = first; i < files.Count; i += stride)
                    filler.ReadFile(files[i].Source!, digest);
                filler.Publish();
            }
            catch (OperationCanceledException)
            {
                // Dispose during a write failure: the writer no longer wants the files.
            }
            catch (Exception e)
            {
                // Anything else ends this worker's stream where it happened, so the writer fails at that file.
                filler.Fail(ExceptionDispatchInfo.Capture(e));
            }
        }

        /// <summary>The producer's side: fills one buffer after another with the worker's files.</summary>
        private sealed class BatchFiller(Worker worker, Action<long>? onRead, bool batchMd5)
        {
            /// <summary>Marks a finished file whose MD5 is taken when its buffer is handed over; never seen by the writer.</summary>
            private static readonly byte[] PendingDigest = [];

            private byte[]? _buffer;
            private int _used;
            private List<Piece> _pieces = [];
            // The file being read is hashed as it is read (not left to its buffer's handover): always without
            // batchMd5, else once it no longer fits in the buffer it started in.
            private bool _streaming;
            private IncrementalHash? _digest;

            public void ReadFile(FileSource source, IncrementalHash digest)
            {
                _digest = digest;
                _streaming = !batchMd5;
                try
                {
                    using var stream = source.Open();
                    while (true)
                    {
                        var buffer = Room();
                        int n = stream.Read(buffer, _used, buffer.Length - _used);
                        if (n == 0)
                            break;
                        if (_streaming)
                            digest.AppendData(buffer, _used, n);
                        onRead?.Invoke(n);
                        AddData(buffer, n);
                    }
                    EndFile(_streaming ? digest.GetHashAndReset() : PendingDigest, null);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    digest.GetHashAndReset();
                    EndFile(null, ExceptionDispatchInfo.Capture(e));
                }
            }

            /// <summary>Hands over what is filled so far (the worker's last, partly filled buffer).</summary>
            public void Publish()
            {
                if (_buffer is null)
                    return;
                TakePendingDigests();
                worker._full.Add(new Batch(_buffer, _pieces));
                (_buffer, _used, _pieces) = (null, 0, []);
            }

            /// <summary>Ends the stream with an error the writer will meet at the next piece it takes.</summary>
            public void Fail(ExceptionDispatchInfo error)
            {
                _buffer ??= new byte[1];
                _pieces.Add(new Piece(_buffer, 0, 0, null, error));
                Publish();
            }

            /// <summary>The current buffer with free space, handing over a full one first.</summary>
            private byte[] Room()
            {
                if (_buffer is not null && _used == _buffer.Length)
                {
                    // The file being read goes on in the next buffer: its MD5 streams from here, starting with
                    // what this buffer holds of it.
                    if (!_streaming && OpenPiece() is { } open)
                    {
                        _digest!.AppendData(open.Buffer, open.Offset, open.Length);
                        _streaming = true;
                    }
                    Publish();
                }
                if (_buffer is null)
                    _buffer = worker._free.Take();
                return _buffer;
            }

            /// <summary>Adds bytes just read at <see cref="_used"/>, extending the file's piece in this buffer if there is one.</summary>
            private void AddData(byte[] buffer, int n)
            {
                if (OpenPiece() is { } open)
                    _pieces[^1] = open with { Length = open.Length + n };
                else
                    _pieces.Add(new Piece(buffer, _used, n, null, null));
                _used += n;
            }

            /// <summary>The MD5 of every file of this buffer that waits for it, all at once (SIMD lanes).</summary>
            private void TakePendingDigests()
            {
                var pending = new List<int>();
                for (int i = 0; i < _pieces.Count; i++)
                    if (ReferenceEquals(_pieces[i].Digest, PendingDigest))
                        pending.Add(i);
                if (pending.Count == 0)
                    return;
                var messages = pending.Select(i => new ReadOnlyMemory<byte>(_pieces[i].Buffer, _pieces[i].Offset, _pieces[i].Length)).ToList();
                var digests = new byte[pending.Count * MD5.HashSizeInBytes];
                Md5MultiBuffer.HashAll(messages, digests);
                for (int k = 0; k < pending.Count; k++)
                    _pieces[pending[k]] = _pieces[pending[k]] with { Digest = digests.AsSpan(k * MD5.HashSizeInBytes, MD5.HashSizeInBytes).ToArray() };
            }

            /// <summary>Marks the file's end: its last piece in this buffer, or an empty piece.</summary>
            private void EndFile(byte[]? digest, ExceptionDispatchInfo? error)
            {
                if (error is null && OpenPiece() is { } open)
                {
                    _pieces[^1] = open with { Digest = digest };
                    return;
                }
                var buffer = _buffer ?? Room();
                _pieces.Add(new Piece(buffer, _used, 0, digest, error));
            }

            /// <summary>The current file's piece in this buffer, if it has one: the last piece, unfinished, ending where the next bytes go.</summary>
            private Piece? OpenPiece() =>
                _pieces.Count > 0 && _pieces[^1] is { IsLast: false } last && last.Offset + last.Length == _used ? last : null;
        }
    }
}
