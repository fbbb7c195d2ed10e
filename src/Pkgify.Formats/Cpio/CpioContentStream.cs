namespace Pkgify.Formats.Cpio;

/// <summary>
/// Read-only view of one member's data inside the archive stream: yields exactly the member's size, reports
/// an archive that ends early as <see cref="InvalidDataException"/>, and lets the reader skip what the caller
/// left unread.
/// </summary>
internal sealed class CpioContentStream : Stream
{
    private readonly Stream _archive;
    private readonly long _length;
    private readonly Action<long> _consumed;
    private long _position;

    /// <param name="archive">The archive stream, positioned at the member's first data byte.</param>
    /// <param name="length">The member's data length.</param>
    /// <param name="consumed">Told how many archive bytes each read consumed (the reader's offset bookkeeping).</param>
    public CpioContentStream(Stream archive, long length, Action<long> consumed)
    {
        _archive = archive;
        _length = length;
        _consumed = consumed;
    }

    /// <summary>Bytes not yet read.</summary>
    public long Remaining => _length - _position;

    /// <summary>Set by the reader once it moved past this member; further reads then fail.</summary>
    public bool Detached { get; set; }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _length;

    public override long Position
    {
        get => _position;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (Detached)
            throw new InvalidOperationException("cpio member content read after moving to the next member");
        if (Remaining == 0 || buffer.IsEmpty)
            return 0;
        int want = (int)Math.Min(buffer.Length, Remaining);
        int n = _archive.Read(buffer[..want]);
        if (n == 0)
            throw new InvalidDataException($"cpio: member data truncated, {Remaining} of {_length} bytes missing");
        _position += n;
        _consumed(n);
        return n;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
