using System.Security.Cryptography;

namespace Pkgify.Core.Writers;

/// <summary>
/// Passes a source through while hashing it, so each payload file is read once: the archive writer pulls
/// the bytes and the digest for md5sums / FILEDIGESTS falls out of the same pass.
/// </summary>
public sealed class HashingReadStream : Stream
{
    private readonly Stream _inner;
    private readonly IncrementalHash _hash;
    private long _read;

    public HashingReadStream(Stream inner, HashAlgorithmName algorithm)
    {
        _inner = inner;
        _hash = IncrementalHash.CreateHash(algorithm);
    }

    public long BytesRead => _read;

    /// <summary>Lowercase hex digest of everything read so far.</summary>
    public string HexDigest() => Convert.ToHexStringLower(_hash.GetCurrentHash());

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        _hash.AppendData(buffer[..n]);
        _read += n;
        return n;
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => _inner.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _inner.Dispose();
            _hash.Dispose();
        }
        base.Dispose(disposing);
    }
}
