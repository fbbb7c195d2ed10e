namespace Pkgify.Formats.Compression;

/// <summary>
/// Shared plumbing of the write-only compressing streams: argument checks, and a Dispose that finishes the
/// frame once (unless a write failed), always releases native state, and honours leaveOpen.
/// </summary>
internal abstract class EncoderStream : CodecStream
{
    private bool _faulted;

    protected EncoderStream(Stream output, bool leaveOpen) : base(output, leaveOpen)
    {
        if (!output.CanWrite)
            throw new ArgumentException("the output stream is not writable", nameof(output));
        Output = output;
    }

    /// <summary>Where the compressed bytes go.</summary>
    protected Stream Output { get; }

    public override bool CanRead => false;
    public override bool CanWrite => !IsDisposed;

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count)
    {
        ValidateBufferArguments(buffer, offset, count);
        Write(buffer.AsSpan(offset, count));
    }

    public override void WriteByte(byte value) => Write([value]);

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        if (_faulted)
            throw new IOException("the compressor failed earlier; its output is incomplete");
        if (buffer.IsEmpty)
            return;
        try
        {
            WriteCore(buffer);
        }
        catch
        {
            _faulted = true;
            throw;
        }
    }

    /// <summary>
    /// Hands buffered compressed bytes to the output and flushes it. It does not end a codec block, so the
    /// compressed bytes never depend on when a caller flushes.
    /// </summary>
    public override void Flush()
    {
        ObjectDisposedException.ThrowIf(IsDisposed, this);
        FlushCore();
        Output.Flush();
    }

    /// <summary>Compresses <paramref name="data"/> (never empty).</summary>
    protected abstract void WriteCore(ReadOnlySpan<byte> data);

    /// <summary>Writes buffered compressed bytes to <see cref="Output"/> without ending a codec block.</summary>
    protected abstract void FlushCore();

    /// <summary>Ends the frame and writes everything still buffered to <see cref="Output"/>.</summary>
    protected abstract void FinishCore();

    protected sealed override void Complete()
    {
        if (_faulted)
            return;
        FinishCore();
        Output.Flush();
    }
}
