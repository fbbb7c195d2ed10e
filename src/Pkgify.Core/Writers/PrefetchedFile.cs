using Pkgify.Core.IO;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Writers;

/// <summary>
/// One file's content as <see cref="PayloadPrefetcher"/> read it: a read-only stream over the pieces its
/// worker packed into its buffers. The digest covers the whole file as read.
/// </summary>
public sealed class PrefetchedFile : ForwardReadStream
{
    private readonly PayloadPrefetcher.Worker _worker;
    private readonly string _path;
    private PayloadPrefetcher.Piece _piece;
    private bool _started;
    private int _offset;
    private long _read;

    internal PrefetchedFile(PayloadPrefetcher.Worker worker, string path)
    {
        _worker = worker;
        _path = path;
    }

    /// <summary>Lowercase hex form of <see cref="Digest"/>.</summary>
    /// <exception cref="IOException">The file holds more bytes than were read (it grew during the build).</exception>
    public string HexDigest() => Convert.ToHexStringLower(Digest());

    /// <summary>
    /// The digest of the whole file. Call it once the archive has taken the declared size: it checks that
    /// nothing follows, since a digest of more bytes than the archive holds would be wrong.
    /// </summary>
    /// <exception cref="IOException">The file holds more bytes than were read (it grew during the build).</exception>
    public byte[] Digest()
    {
        while (true)
        {
            if (_started && _offset < _piece.Length)
            {
                throw new IOException(
                    $"file {Printable.Escape(_path)}: its source holds more bytes than when the tree was scanned: was it changed during the build?");
            }
            if (_started && _piece.IsLast)
            {
                _piece.Error?.Throw();
                return _piece.Digest!;
            }
            TakePiece();
        }
    }

    public override int Read(Span<byte> destination)
    {
        if (destination.IsEmpty)
            return 0;
        while (!_started || _offset == _piece.Length)
        {
            if (_started && _piece.IsLast)
            {
                _piece.Error?.Throw();
                return 0;
            }
            TakePiece();
        }
        int n = Math.Min(destination.Length, _piece.Length - _offset);
        _piece.Buffer.AsSpan(_piece.Offset + _offset, n).CopyTo(destination);
        _offset += n;
        _read += n;
        return n;
    }

    /// <summary>Moves to the file's next piece; the worker may then reuse the previous piece's buffer.</summary>
    private void TakePiece()
    {
        _piece = _worker.NextPiece();
        _started = true;
        _offset = 0;
    }

    /// <summary>Bytes read so far.</summary>
    public long BytesRead => _read;
}
