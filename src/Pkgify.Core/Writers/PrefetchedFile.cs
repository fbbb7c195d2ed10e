using Pkgify.Core.IO;
using Pkgify.Core.Model;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Writers;

/// <summary>
/// One file's content as <see cref="PayloadPrefetcher"/> read it: a read-only stream over the chunks its
/// worker queued, handing each buffer back once consumed. The digest covers the whole file as read.
/// </summary>
public sealed class PrefetchedFile : ForwardReadStream
{
    private readonly PayloadPrefetcher.Worker _worker;
    private readonly FileSource _source;
    private byte[]? _buffer;
    private int _offset;
    private int _length;
    private string? _digest;
    private long _read;

    internal PrefetchedFile(PayloadPrefetcher.Worker worker, FileSource source)
    {
        _worker = worker;
        _source = source;
    }

    /// <summary>
    /// Lowercase hex digest of the whole file. Call it once the archive has taken the declared size: it
    /// checks that nothing follows, since a digest of more bytes than the archive holds would be wrong.
    /// </summary>
    /// <exception cref="IOException">The file holds more bytes than were read (it grew during the build).</exception>
    public string HexDigest()
    {
        if (_digest is null && ((_buffer is not null && _offset < _length) || TakeChunk()))
        {
            var what = _source is DiskFileSource disk ? $"'{Printable.Escape(disk.Path)}'" : "a generated file";
            throw new IOException($"{what} holds more bytes than when the tree was scanned: was it changed during the build?");
        }
        return _digest!;
    }

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

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _read;

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
