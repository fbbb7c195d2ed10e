namespace Pkgify.Core.Writers;

/// <summary>
/// One file's content as <see cref="PayloadPrefetcher"/> read it: a read-only stream over the chunks its
/// worker queued, handing each buffer back once consumed. The digest is known once a read returned 0.
/// </summary>
public sealed class PrefetchedFile : Stream
{
    private readonly PayloadPrefetcher.Worker _worker;
    private byte[]? _buffer;
    private int _offset;
    private int _length;
    private string? _digest;
    private long _read;

    internal PrefetchedFile(PayloadPrefetcher.Worker worker) => _worker = worker;

    /// <summary>Lowercase hex digest of the whole file.</summary>
    /// <exception cref="InvalidOperationException">The stream was not read to its end yet.</exception>
    public string HexDigest() => _digest ?? throw new InvalidOperationException("the file was not read to its end");

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
            return 0;
        while (_buffer is null || _offset == _length)
        {
            if (_digest is not null || !TakeChunk())
                return 0;
        }
        int n = Math.Min(destination.Length, _length - _offset);
        _buffer.AsSpan(_offset, n).CopyTo(destination);
        _offset += n;
        _read += n;
        return n;
    }

    /// <summary>Returns the used buffer and takes the next chunk; false at the end of the file.</summary>
    private bool TakeChunk()
    {
        ReturnBuffer();
        var chunk = _worker.Take();
        chunk.Error?.Throw();
        if (chunk.Buffer is null)
        {
            _digest = chunk.Digest;
            return false;
        }
        (_buffer, _offset, _length) = (chunk.Buffer, 0, chunk.Length);
        return true;
    }

    private void ReturnBuffer()
    {
        if (_buffer is null)
            return;
        _worker.Return(_buffer);
        _buffer = null;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    /// <summary>
    /// Gives the current buffer back. The rest of an unfinished file stays queued: the writer only stops
    /// half-way on a failure, and then disposes the prefetcher too.
    /// </summary>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            ReturnBuffer();
        base.Dispose(disposing);
    }
}
