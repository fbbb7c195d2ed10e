namespace Pkgify.Formats.Compression;

/// <summary>
/// What every compressing or decompressing stream shares: one inner stream, owned unless leaveOpen,
/// and no seeking or length.
/// </summary>
internal abstract class CodecStream : Stream
{
    private readonly Stream _inner;
    private readonly bool _leaveOpen;

    protected CodecStream(Stream inner, bool leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(inner);
        _inner = inner;
        _leaveOpen = leaveOpen;
    }

    /// <summary>True once Dispose has started.</summary>
    protected bool IsDisposed { get; private set; }

    public override bool CanSeek => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <summary>Frees the codec's native state; called exactly once, also after a failure.</summary>
    protected abstract void ReleaseCodec();

    /// <summary>Work to do before the codec is released, only on an orderly Dispose (e.g. finish the frame).</summary>
    protected virtual void Complete() { }

    protected override void Dispose(bool disposing)
    {
        if (IsDisposed)
            return;
        IsDisposed = true;
        try
        {
            if (disposing)
                Complete();
        }
        finally
        {
            ReleaseCodec();
            if (disposing && !_leaveOpen)
                _inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
