using System.Security.Cryptography;
using Pkgify.Core.IO;

namespace Pkgify.Core.Writers;

/// <summary>
/// Passes a source through while hashing it, so each payload file is read once: the archive writer pulls
/// the bytes and the digest for md5sums / FILEDIGESTS falls out of the same pass.
/// </summary>
public sealed class HashingReadStream : ForwardReadStream
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

    public override int Read(Span<byte> buffer)
    {
        var n = _inner.Read(buffer);
        _hash.AppendData(buffer[..n]);
        _read += n;
        return n;
    }

    public override long Length => _inner.Length;
    public override long Position { get => _read; set => throw new NotSupportedException(); }

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
