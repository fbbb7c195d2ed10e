using System.Security.Cryptography;

namespace Pkgify.Core.Writers;

/// <summary>
/// Passes writes through to an inner stream while hashing and counting them, so a payload's digest and size
/// come out of the pass that writes it (rpm's PAYLOADDIGEST over the compressed bytes, PAYLOADDIGESTALT and
/// PAYLOADSIZE over the cpio stream) instead of a second read.
/// </summary>
public sealed class HashingWriteStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;
    private readonly bool _leaveOpen;

    /// <summary>Wraps <paramref name="inner"/>; disposing this stream disposes it unless <paramref name="leaveOpen"/>.</summary>
    public HashingWriteStream(Stream inner, HashAlgorithmName algorithm, bool leaveOpen = false)
    {
        _inner = inner;
        _hash = IncrementalHash.CreateHash(algorithm);
        _leaveOpen = leaveOpen;
    }

    /// <summary>Bytes written so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Lowercase hex digest of everything written so far.</summary>
    public string HexDigest() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    /// <inheritdoc />
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <inheritdoc />
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        _inner.Write(buffer);
        _hash.AppendData(buffer);
        BytesWritten += buffer.Length;
    }

    /// <inheritdoc />
    public override void Flush() => _inner.Flush();

    /// <inheritdoc />
    public override bool CanRead => false;
    /// <inheritdoc />
    public override bool CanSeek => false;
    /// <inheritdoc />
    public override bool CanWrite => true;
    /// <inheritdoc />
    public override long Length => BytesWritten;
    /// <inheritdoc />
    public override long Position { get => BytesWritten; set => throw new NotSupportedException(); }
    /// <inheritdoc />
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    /// <inheritdoc />
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    /// <inheritdoc />
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            if (!_leaveOpen)
                _inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
