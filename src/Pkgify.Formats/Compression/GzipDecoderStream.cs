using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>
/// gzip decompression through the system zlib's inflate: every member of the input (as gzip -d does),
/// CRC-32 and ISIZE checked by zlib, and — unlike System.IO.Compression.GZipStream, which returns a silent
/// short read — an input that ends inside a member is reported as damage.
/// </summary>
/// <remarks>
/// After the last member only zero bytes may follow (gzip(1) ignores trailing zeros); anything else is
/// rejected (gzip(1) warns "trailing garbage ignored").
/// </remarks>
internal sealed unsafe class GzipDecoderStream(Stream input, bool leaveOpen) : NativeDecoderStream(input, leaveOpen)
{
    private readonly ZStreamHandle _z = ZStreamHandle.CreateGzipInflater();
    private State _state = State.InMember;

    private enum State { InMember, BetweenMembers, TrailingZeros }

    protected override string CodecName => "gzip";

    protected override DecodeStep Step(Span<byte> output, ReadOnlySpan<byte> input, bool inputEnded)
    {
        if (_state == State.InMember)
            return Inflate(output, input);
        if (inputEnded)
            return new DecodeStep(0, 0, Finished: true);
        return BetweenMembers(input);
    }

    private DecodeStep Inflate(Span<byte> output, ReadOnlySpan<byte> input)
    {
        ZStream* z = _z.Stream;
        fixed (byte* target = output)
        fixed (byte* source = input)
        {
            z->NextIn = source;
            z->AvailIn = (uint)input.Length;
            z->NextOut = target;
            z->AvailOut = (uint)output.Length;
            int ret = LibZ.Inflate(_z, LibZ.NoFlush);
            var step = new DecodeStep(input.Length - (int)z->AvailIn, output.Length - (int)z->AvailOut, Moved: ret == LibZ.StreamEnd);
            z->NextIn = null;
            z->NextOut = null;
            // Z_BUF_ERROR only says no progress was possible; the read loop decides whether that is truncation.
            if (ret != LibZ.Ok && ret != LibZ.StreamEnd && ret != LibZ.BufError)
                throw Damaged(_z.Message($"zlib error {ret}"));
            if (ret == LibZ.StreamEnd)
                _state = State.BetweenMembers;
            return step;
        }
    }

    /// <summary>At a member boundary: start the next member, or consume trailing zeros, or reject garbage.</summary>
    private DecodeStep BetweenMembers(ReadOnlySpan<byte> input)
    {
        if (_state == State.BetweenMembers && input[0] == GzipFormat.Id1)
        {
            // inflate checks the rest of the header itself ("incorrect header check").
            if (LibZ.inflateReset(_z) != LibZ.Ok)
                throw Damaged("cannot reset the inflater");
            _state = State.InMember;
            return new DecodeStep(0, 0, Moved: true);
        }
        int firstNonZero = input.IndexOfAnyExcept((byte)0);
        if (firstNonZero >= 0)
            throw Damaged("trailing garbage after the compressed data");
        _state = State.TrailingZeros;
        return new DecodeStep(input.Length, 0);
    }

    protected override void ReleaseCodec() => _z.Dispose();
}
