namespace Pkgify.Formats.Tests.Support;

/// <summary>A write-only sink that counts bytes and keeps only the first <c>keep</c> of them.</summary>
internal sealed class HeadCapturingStream(int keep) : Stream
{
    private readonly MemoryStream _head = new();
    private long _length;

    public byte[] Head => _head.ToArray();

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => _length;

    public override long Position
    {
        get => _length;
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = (int)Math.Max(0, keep - _head.Length);
        _head.Write(buffer[..Math.Min(room, buffer.Length)]);
        _length += buffer.Length;
    }

    public override void Flush()
    {
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();
}
