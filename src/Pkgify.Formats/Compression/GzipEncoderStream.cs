using System.IO.Compression;

namespace Pkgify.Formats.Compression;

/// <summary>
/// Single-threaded gzip: one deflate stream in one gzip member, made by System.IO.Compression.
/// </summary>
/// <remarks>
/// Level mapping: ZLibCompressionOptions.CompressionLevel takes the zlib level itself, so gzip -N is level N
/// exactly (same effort/strategy table; the engine is the zlib-ng bundled with .NET, so the bytes are not
/// those of gzip(1), only as deterministic). The header .NET writes is fixed: MTIME 0, no FNAME, OS 3
/// (Unix), XFL 2 for level 9 and 4 for level 1 (RFC 1952 §2.3.1) — nothing from the clock or the host.
/// Two .NET behaviours are corrected here: the deflate output depends on how the input is split into
/// writes (measured: 7-byte writes give a larger, different stream than 64 KiB writes), so input is staged
/// into fixed pieces; and an encoder that was given no data writes nothing at all, which gzip -t rejects
/// ("unexpected end of file"), so an empty input gets the canonical empty member.
/// </remarks>
internal sealed class GzipEncoderStream : EncoderStream
{
    /// <summary>Every write handed to GZipStream is exactly this long, except the last.</summary>
    private const int PieceSize = 64 * 1024;

    /// <summary>An empty final fixed-Huffman block (BFINAL 1, BTYPE 01, end-of-block), as gzip -n writes for no data.</summary>
    private static readonly byte[] EmptyDeflateStream = [0x03, 0x00];

    private readonly GZipStream _gzip;
    private readonly byte[] _piece = new byte[PieceSize];
    private readonly int _level;
    private int _pieceLength;
    private bool _anyData;

    public GzipEncoderStream(Stream output, int level, bool leaveOpen) : base(output, leaveOpen)
    {
        _level = level;
        var options = new ZLibCompressionOptions { CompressionLevel = level, CompressionStrategy = ZLibCompressionStrategy.Default };
        _gzip = new GZipStream(output, options, leaveOpen: true);
    }

    protected override void WriteCore(ReadOnlySpan<byte> data)
    {
        _anyData = true;
        while (!data.IsEmpty)
        {
            if (_pieceLength == PieceSize)
            {
                _gzip.Write(_piece, 0, PieceSize);
                _pieceLength = 0;
            }
            int n = Math.Min(PieceSize - _pieceLength, data.Length);
            data[..n].CopyTo(_piece.AsSpan(_pieceLength));
            _pieceLength += n;
            data = data[n..];
        }
    }

    // GZipStream.Flush would emit a Z_SYNC_FLUSH block and make the bytes depend on the caller's flushes.
    protected override void FlushCore() { }

    protected override void FinishCore()
    {
        if (!_anyData)
        {
            Output.Write(GzipFormat.Header(_level));
            Output.Write(EmptyDeflateStream);
            Output.Write(GzipFormat.Trailer(crc32: 0, length: 0));
            return;
        }
        _gzip.Write(_piece, 0, _pieceLength);
        _gzip.Dispose();
    }

    protected override void ReleaseCodec() => _gzip.Dispose();
}
