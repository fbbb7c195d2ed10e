namespace Pkgify.Formats.IO;

/// <summary>
/// A forward-only, read-only window of exactly <c>length</c> bytes over another stream, used for archive member
/// contents. It never seeks the inner stream (so it works on decompression streams), reports a short inner stream
/// as <see cref="InvalidDataException"/> (the archive is truncated), and can be invalidated by its archive reader
/// once the reader has moved past the member.
/// </summary>
internal sealed class BoundedReadStream : Stream
{
    private readonly Stream _inner;
    private readonly long _length;
    private readonly string _what;
    private long _position;
    private bool _invalidated;

    public BoundedReadStream(Stream inner, long length, string what)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        _inner = inner;
        _length = length;
        _what = what;
    }

    /// <summary>Bytes of the window not read yet; the owning reader skips them before the next member.</summary>
    public long Remaining => _length - _position;

    public override bool CanRead => !_invalidated;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException("member content streams are forward-only");
    }

    /// <summary>Called by the archive reader when it moves to the next member: later reads fail loudly.</summary>
    public void Invalidate() => _invalidated = true;

    /// <summary>Marks the rest of the window as consumed (the reader skipped it on the inner stream itself).</summary>
    public void MarkConsumed() => _position = _length;

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(_invalidated, this);
        if (buffer.IsEmpty || _position >= _length)
        {
            return 0;
        }

        var want = (int)Math.Min(buffer.Length, _length - _position);
        var got = _inner.Read(buffer[..want]);
        if (got == 0)
        {
            throw new InvalidDataException($"{_what}: archive truncated ({_length - _position} content bytes missing)");
        }

        _position += got;
        return got;
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) =>
        throw new NotSupportedException("member content streams are forward-only");

    public override void SetLength(long value) => throw new NotSupportedException("member content streams are read-only");

    public override void Write(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("member content streams are read-only");
}
