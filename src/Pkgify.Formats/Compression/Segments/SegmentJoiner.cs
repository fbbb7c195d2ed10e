namespace Pkgify.Formats.Compression.Segments;

/// <summary>
/// Writes one compressed stream made of independently compressed segments, so a segment compressed once
/// can be reused in later streams. Each segment is a complete standalone stream of the codec, as
/// <see cref="CompressionCodec.OpenEncoder"/> writes it; the result decodes, with any decoder of the
/// codec, to the segments' contents in order:
/// <list type="bullet">
/// <item>xz: spliced into a single .xz stream (<see cref="XzStreamSplicer"/>), not concatenated streams,
/// which decoders without LZMA_CONCATENATED stop reading after the first.</item>
/// <item>zstd: one frame per segment; a sequence of frames is a valid zstd stream (RFC 8878 §3.1).</item>
/// <item>gzip: one member per segment; a gzip file is a series of members (RFC 1952 §2.2).</item>
/// <item>none: plain concatenation.</item>
/// </list>
/// </summary>
public sealed class SegmentJoiner
{
    private readonly Stream _output;
    private readonly XzStreamSplicer? _xz;
    private bool _finished;

    /// <summary>Joins segments of <paramref name="kind"/> into <paramref name="output"/> (left open).</summary>
    public SegmentJoiner(Stream output, CompressionKind kind)
    {
        ArgumentNullException.ThrowIfNull(output);
        CompressionCodec.FileSuffix(kind); // rejects an unknown kind
        _output = output;
        _xz = kind == CompressionKind.Xz ? new XzStreamSplicer(output) : null;
    }

    /// <summary>
    /// Appends the segment of <paramref name="length"/> bytes that starts at <paramref name="segment"/>'s
    /// position (xz: the stream must be seekable). A damaged xz segment is an <see cref="InvalidDataException"/>.
    /// </summary>
    public void Append(Stream segment, long length)
    {
        ArgumentNullException.ThrowIfNull(segment);
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        if (_finished)
            throw new InvalidOperationException("the joined stream is already finished");
        if (_xz is not null)
        {
            _xz.Append(segment, length);
            return;
        }
        SegmentBytes.Copy(segment, _output, length, "segment");
    }

    /// <summary>Ends the stream (xz: writes the index and footer). Calling it again does nothing.</summary>
    public void Finish()
    {
        if (_finished)
            return;
        _finished = true;
        _xz?.Finish();
    }
}
