namespace Pkgify.Formats.Compression;

/// <summary>Shared plumbing of the read-only decompressing streams: argument checks and the unsupported members.</summary>
internal abstract class DecoderStream : CodecStream
{
    protected DecoderStream(Stream input, bool leaveOpen) : base(input, leaveOpen)
    {
        if (!input.CanRead)
            throw new ArgumentException("the input stream is not readable", nameof(input));
        Input = input;
    }

    /// <summary>Where the compressed bytes come from.</summary>
    protected Stream Input { get; }

    public override bool CanRead => !IsDisposed;
    public override bool CanWrite => false;

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override void Flush() { }

    public override int Read(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        return Read(buffer.AsSpan(offset, count));
    }

    public override int ReadByte()
    {
        Span<byte> one = stackalloc byte[1];
        return Read(one) == 0 ? -1 : one[0];
    }

    public override int Read(Span<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        return buffer.IsEmpty ? 0 : ReadCore(buffer);
    }

    /// <summary>Decodes into <paramref name="buffer"/> (never empty); returns 0 only at the proper end.</summary>
    protected abstract int ReadCore(Span<byte> buffer);
}
