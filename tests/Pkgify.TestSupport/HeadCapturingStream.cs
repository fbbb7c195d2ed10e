namespace Pkgify.TestSupport;

/// <summary>A write-only sink that counts bytes and keeps only the first <c>keep</c> of them.</summary>
public sealed class HeadCapturingStream(int keep) : Stream
{
    readonly MemoryStream head = new();
    long length;

    /// <summary>The first bytes written (at most <c>keep</c>).</summary>
    public byte[] Head => head.ToArray();

    /// <inheritdoc />
    public override bool CanRead => false;
    /// <inheritdoc />
    public override bool CanSeek => false;
    /// <inheritdoc />
    public override bool CanWrite => true;
    /// <summary>Bytes written so far.</summary>
    public override long Length => length;

    /// <inheritdoc />
    public override long Position
    {
        get => length;
        set => throw new NotSupportedException();
    }

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var room = (int)Math.Max(0, keep - head.Length);
        head.Write(buffer[..Math.Min(room, buffer.Length)]);
        length += buffer.Length;
    }

    /// <inheritdoc />
    public override void Flush() { }
    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();
}
