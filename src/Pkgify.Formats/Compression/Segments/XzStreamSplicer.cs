using Pkgify.Formats.IO;

namespace Pkgify.Formats.Compression.Segments;

/// <summary>
/// Joins standalone .xz streams into ONE stream (xz-file-format-1.0.4.txt): one stream header, every block of
/// every segment in order, then one index listing all their records and one footer. Concatenated streams
/// (§2.2) would be shorter to make but are only read by decoders run with LZMA_CONCATENATED; a single
/// stream is read by every decoder.
/// </summary>
/// <remarks>
/// Blocks are self-contained (§3): a block header, compressed data, padding and check, with no offset
/// or stream position inside, so they can move to any multiple-of-four position. The index records
/// (unpadded size, uncompressed size) travel with them (§4.3).
/// </remarks>
internal sealed class XzStreamSplicer
{
    /// <summary>An index of this many bytes lists ~4 million blocks: far beyond a segment's (hostile cache files are refused).</summary>
    private const long MaxIndexSize = 64L << 20;

    private readonly Stream _output;
    private readonly List<(ulong Unpadded, ulong Uncompressed)> _records = new();
    private byte[]? _flags;

    public XzStreamSplicer(Stream output) => _output = output;

    /// <summary>
    /// Copies the blocks of the standalone stream of <paramref name="length"/> bytes starting at the position of
    /// <paramref name="segment"/> (seekable) and keeps its index records.
    /// </summary>
    public void Append(Stream segment, long length)
    {
        if (!segment.CanSeek)
            throw new ArgumentException("an xz segment must be seekable (its index is at its end)", nameof(segment));
        long origin = segment.Position;
        if (length < XzFormat.HeaderLength + XzFormat.FooterLength || segment.Length - origin < length)
            throw new InvalidDataException($"xz segment: {length} bytes is too short for a stream");

        Span<byte> frame = stackalloc byte[XzFormat.HeaderLength];
        StrictRead.Exactly(segment, frame, "xz segment header");
        var flags = XzFormat.FlagsOfHeader(frame);
        segment.Position = origin + length - XzFormat.FooterLength;
        StrictRead.Exactly(segment, frame[..XzFormat.FooterLength], "xz segment footer");
        var (footerFlags, indexSize) = XzFormat.ReadFooter(frame[..XzFormat.FooterLength]);
        if (!footerFlags.AsSpan().SequenceEqual(flags))
            throw new InvalidDataException("xz segment: stream header and footer flags differ");
        if (_flags is not null && !_flags.AsSpan().SequenceEqual(flags))
            throw new InvalidDataException("xz segment: its integrity check differs from the earlier segments'");
        long blocksLength = length - XzFormat.HeaderLength - XzFormat.FooterLength - indexSize;
        if (indexSize > MaxIndexSize || blocksLength < 0)
            throw new InvalidDataException($"xz segment: index of {indexSize} bytes does not fit the segment");

        segment.Position = origin + length - XzFormat.FooterLength - indexSize;
        var index = new byte[indexSize];
        StrictRead.Exactly(segment, index, "xz segment index");
        var records = XzIndex.Parse(index);
        long recordsSpan = records.Sum(r => (long)r.Unpadded + XzFormat.PaddingFor((long)r.Unpadded));
        if (recordsSpan != blocksLength)
            throw new InvalidDataException($"xz segment: the index lists {recordsSpan} bytes of blocks, the segment holds {blocksLength}");

        if (_flags is null)
        {
            _output.Write(XzFormat.Header(flags));
            _flags = flags;
        }
        segment.Position = origin + XzFormat.HeaderLength;
        SegmentBytes.Copy(segment, _output, blocksLength, "xz segment: blocks");
        _records.AddRange(records);
    }

    /// <summary>Writes the index of every block appended and the footer (a header first if nothing was appended).</summary>
    public void Finish()
    {
        if (_flags is null)
        {
            _flags = XzFormat.Crc64Flags.ToArray();
            _output.Write(XzFormat.Header(_flags));
        }
        var index = XzIndex.Build(_records);
        _output.Write(index);
        _output.Write(XzFormat.Footer(_flags, index.Length));
    }
}
