using System.Globalization;
using System.Security.Cryptography;
using Pkgify.Core.Output;
using Pkgify.Formats.Compression;
using Pkgify.Formats.Compression.Segments;

namespace Pkgify.Core.Writers.Segments;

/// <summary>
/// The compressed payload stream a package writer writes its archive (data.tar, the rpm's cpio) into.
/// Without cacheable trees it is the codec's encoder, as it always was. With them, the payload is cut
/// right before the first entry below such a tree and right after the last of that contiguous run; each
/// piece is compressed on its own and the pieces are joined into one stream of the codec
/// (<see cref="SegmentJoiner"/>). The cut is made whatever the cache's state (enabled, hit, miss or off),
/// so the package's bytes never depend on it.
/// </summary>
/// <remarks>
/// A tree's segment is spooled uncompressed to a scratch file while it is hashed, because its cache key
/// (<see cref="SegmentKey"/>) is known only at its end: a hit copies the cached compressed bytes, a miss
/// compresses the spool and stores the result. Other segments are compressed straight into a scratch file.
/// Later entries below a tree already cut (the rpm's hardlink sets, which come last) stay in the
/// uncached segment they fall in. Call <see cref="Finish"/> once the archive is complete; disposing
/// without it only removes the scratch files.
/// </remarks>
public sealed class SegmentedPayloadStream : Stream
{
    private const double MiB = 1 << 20;

    private readonly Stream _output;
    private readonly CompressionOptions _options;
    private readonly IReadOnlyList<string> _trees;
    private readonly SegmentCache? _cache;
    private readonly ScratchSpace _scratch;
    private readonly SegmentJoiner? _joiner;
    private readonly Stream? _plain;
    private readonly HashSet<string> _treesCut = new(StringComparer.Ordinal);
    private Segment? _current;
    private string? _currentTree;
    private int _segments;
    private bool _finished;

    /// <param name="output">Receives the compressed stream; left open.</param>
    /// <param name="options">The codec and level.</param>
    /// <param name="trees">Absolute paths of the cacheable trees (<see cref="Model.PackageModel.CacheableTrees"/>).</param>
    /// <param name="cache">Where compressed tree segments are reused from and stored; null: compress every time (--no-cache).</param>
    /// <param name="scratch">Where the segments wait, next to the output.</param>
    public SegmentedPayloadStream(Stream output, CompressionOptions options, IReadOnlyList<string> trees, SegmentCache? cache, ScratchSpace scratch)
    {
        _output = output;
        _options = options;
        _trees = trees;
        _cache = cache;
        _scratch = scratch;
        if (trees.Count == 0)
            _plain = CompressionCodec.OpenEncoder(output, options, leaveOpen: true);
        else
            _joiner = new SegmentJoiner(output, options.Kind);
    }

    /// <summary>Tells the stream that the archive entry for <paramref name="path"/> (absolute) is written next.</summary>
    public void BeforeEntry(string path)
    {
        if (_joiner is null)
            return;
        var tree = _trees.FirstOrDefault(t => path.StartsWith(t + "/", StringComparison.Ordinal) && !_treesCut.Contains(t));
        SwitchTo(tree);
    }

    /// <summary>Tells the stream that what follows (the archive's trailer) belongs to no entry.</summary>
    public void AfterEntries() => SwitchTo(null);

    /// <summary>Ends the compressed stream.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        _finished = true;
        if (_plain is not null)
        {
            _plain.Dispose();
            return;
        }
        // An archive always writes something (at least its trailer); a stream with no segment would not be one.
        _current ??= OpenSegment(null);
        CloseSegment();
        _joiner!.Finish();
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_finished, this);
        if (_plain is not null)
        {
            _plain.Write(buffer);
            return;
        }
        _current ??= OpenSegment(_currentTree);
        _current.Data.Write(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    // The encoders never end a block on Flush (EncoderStream): nothing to do, and the bytes stay independent of flushes.
    public override void Flush() { }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => !_finished;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _current?.Discard();
            _current = null;
            if (!_finished)
                _plain?.Dispose();
        }
        base.Dispose(disposing);
    }

    private void SwitchTo(string? tree)
    {
        if (tree == _currentTree)
            return;
        if (_currentTree is not null)
            _treesCut.Add(_currentTree);
        if (_current is not null)
            CloseSegment();
        _currentTree = tree;
    }

    private Segment OpenSegment(string? tree)
    {
        var name = "segment" + (++_segments).ToString(CultureInfo.InvariantCulture);
        return tree is null ? Segment.Compressing(_scratch, name, _options) : Segment.Spooling(_scratch, name, tree);
    }

    private void CloseSegment()
    {
        var segment = _current!;
        _current = null;
        try
        {
            if (segment.Tree is null)
                segment.AppendCompressed(_joiner!);
            else
                AppendTree(segment);
        }
        finally
        {
            segment.Discard();
        }
    }

    /// <summary>A tree's segment: the cached compressed bytes when there are, else compressed now (and stored).</summary>
    private void AppendTree(Segment segment)
    {
        var (sha256, length) = segment.SpoolDigest();
        var key = SegmentKey.For(sha256, length, _options);
        var label = Path.GetFileName(segment.Tree!);
        if (_cache?.Open(key) is var (cached, cachedLength))
        {
            using (cached)
                _joiner!.Append(cached, cachedLength);
            _cache.Report($"reused compressed {label} ({FormatMiB(cachedLength)} MiB)");
            return;
        }
        var compressed = segment.CompressSpool(_scratch, _options);
        compressed.Position = 0;
        _joiner!.Append(compressed, compressed.Length);
        if (_cache is null)
            return;
        compressed.Position = 0;
        _cache.Store(key, compressed);
        _cache.Report($"compressed {label} stored ({FormatMiB(compressed.Length)} MiB)");
    }

    private static string FormatMiB(long bytes) => (bytes / MiB).ToString("0.0", CultureInfo.InvariantCulture);

    /// <summary>One piece of the payload and the scratch files behind it.</summary>
    private sealed class Segment
    {
        private const int BufferSize = 1 << 16;

        private readonly List<(string Path, Stream Stream)> _files = new();
        private HashingWriteStream? _hashing;
        private FileStream? _compressed;
        private Stream? _encoder;

        private readonly string _name;

        private Segment(string? tree, string name)
        {
            Tree = tree;
            _name = name;
        }

        /// <summary>The cacheable tree whose entries the segment holds; null for the rest of the payload.</summary>
        public string? Tree { get; }

        /// <summary>Where the archive's bytes go: the encoder, or the hashing spool.</summary>
        public Stream Data => (Stream?)_encoder ?? _hashing!;

        public static Segment Compressing(ScratchSpace scratch, string name, CompressionOptions options)
        {
            var segment = new Segment(null, name);
            segment._compressed = segment.NewFile(scratch, name);
            segment._encoder = CompressionCodec.OpenEncoder(segment._compressed, options, leaveOpen: true);
            return segment;
        }

        public static Segment Spooling(ScratchSpace scratch, string name, string tree)
        {
            var segment = new Segment(tree, name);
            segment._hashing = new HashingWriteStream(segment.NewFile(scratch, name + ".spool"), HashAlgorithmName.SHA256, leaveOpen: true);
            return segment;
        }

        /// <summary>Ends the encoder and appends its stream.</summary>
        public void AppendCompressed(SegmentJoiner joiner)
        {
            _encoder!.Dispose();
            _compressed!.Position = 0;
            joiner.Append(_compressed, _compressed.Length);
        }

        /// <summary>SHA-256 (hex) and length of the spooled bytes.</summary>
        public (string Sha256, long Length) SpoolDigest() => (_hashing!.HexDigest(), _hashing.BytesWritten);

        /// <summary>Compresses the spool into a new scratch file, returned (owned by the segment).</summary>
        public FileStream CompressSpool(ScratchSpace scratch, CompressionOptions options)
        {
            var spool = _files[0].Stream;
            spool.Position = 0;
            _compressed = NewFile(scratch, _name);
            using (var encoder = CompressionCodec.OpenEncoder(_compressed, options, leaveOpen: true))
                spool.CopyTo(encoder, BufferSize);
            return _compressed;
        }

        /// <summary>Closes and deletes the scratch files (the encoder's native state included).</summary>
        public void Discard()
        {
            _encoder?.Dispose();
            _hashing?.Dispose();
            foreach (var (path, stream) in _files)
            {
                stream.Dispose();
                AtomicFile.TryDelete(path);
            }
            _files.Clear();
        }

        private FileStream NewFile(ScratchSpace scratch, string purpose)
        {
            var path = scratch.NewFile(purpose);
            var file = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, BufferSize);
            _files.Add((path, file));
            return file;
        }
    }
}
