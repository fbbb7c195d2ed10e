using Pkgify.Formats.Compression.Native;

namespace Pkgify.Formats.Compression;

/// <summary>
/// One fixed-size piece of a parallel gzip stream: its input, the 32 KiB before it (the preset dictionary),
/// and the raw deflate bytes it compresses to. Reused slot after slot so memory stays constant.
/// </summary>
internal sealed unsafe class DeflateChunk
{
    /// <summary>pigz's default block size (pigz(1), -b 128): the unit of parallel work, independent of threads.</summary>
    internal const int Size = 128 * 1024;

    /// <summary>Deflate's window (RFC 1951 §3.2.5: distances up to 32768): the most a back-reference can use.</summary>
    internal const int DictionarySize = 32 * 1024;

    /// <summary>Room for incompressible input: stored blocks cost 5 bytes per 64 KiB, the sync flush 5 more.</summary>
    private const int OutputSlack = 4 * 1024;

    private byte[] _output = new byte[Size + OutputSlack];

    /// <summary>The uncompressed bytes of this chunk; the first <see cref="Length"/> are valid.</summary>
    public byte[] Input { get; } = new byte[Size];

    public int Length { get; set; }

    /// <summary>The last bytes of the previous chunk; the first <see cref="DictionaryLength"/> are valid.</summary>
    public byte[] Dictionary { get; set; } = new byte[DictionarySize];

    public int DictionaryLength { get; set; }

    /// <summary>The final chunk ends the deflate stream (BFINAL); the others end on a byte boundary.</summary>
    public bool IsLast { get; set; }

    /// <summary>The compression job while the chunk is in flight; null when the slot is free.</summary>
    public Task? Job { get; set; }

    /// <summary>Raw deflate output: the first <see cref="OutputLength"/> bytes of <see cref="Output"/>.</summary>
    public byte[] Output => _output;

    public int OutputLength { get; private set; }

    /// <summary>CRC-32 of the chunk's input alone; combined in order by the writer.</summary>
    public uint Crc { get; private set; }

    /// <summary>Appends as much of <paramref name="data"/> as fits; returns how much that was.</summary>
    public int Append(ReadOnlySpan<byte> data)
    {
        int n = Math.Min(Size - Length, data.Length);
        data[..n].CopyTo(Input.AsSpan(Length));
        Length += n;
        return n;
    }

    /// <summary>
    /// Compresses the input with <paramref name="deflater"/> (a raw deflater at the stream's level), primed
    /// with the dictionary, ending with Z_SYNC_FLUSH (an empty stored block that byte-aligns the output, so
    /// chunks can be concatenated) or, for the last chunk, Z_FINISH. This is pigz's scheme.
    /// </summary>
    public void Compress(ZStreamHandle deflater)
    {
        Check(LibZ.deflateReset(deflater), deflater);
        fixed (byte* dictionary = Dictionary)
        fixed (byte* input = Input)
        {
            // zlib.h: for raw deflate the dictionary may be set right after deflateInit2/deflateReset.
            if (DictionaryLength > 0)
                Check(LibZ.deflateSetDictionary(deflater, dictionary, (uint)DictionaryLength), deflater);
            Crc = (uint)LibZ.crc32(0, input, (uint)Length);
            ZStream* z = deflater.Stream;
            z->NextIn = input;
            z->AvailIn = (uint)Length;
            OutputLength = 0;
            while (!DeflateInto(deflater)) { }
            z->NextIn = null;
        }
    }

    /// <summary>One deflate call into the free part of the output; true when the chunk is complete.</summary>
    private bool DeflateInto(ZStreamHandle deflater)
    {
        if (OutputLength == _output.Length)
            Array.Resize(ref _output, _output.Length + Size);
        ZStream* z = deflater.Stream;
        fixed (byte* output = _output)
        {
            int free = _output.Length - OutputLength;
            z->NextOut = output + OutputLength;
            z->AvailOut = (uint)free;
            int ret = LibZ.Deflate(deflater, IsLast ? LibZ.Finish : LibZ.SyncFlush);
            OutputLength += free - (int)z->AvailOut;
            bool outputFull = z->AvailOut == 0;
            z->NextOut = null;
            // Z_BUF_ERROR is not fatal: it means no progress was possible (zlib.h).
            if (ret != LibZ.Ok && ret != LibZ.StreamEnd && ret != LibZ.BufError)
                Check(ret, deflater);
            // zlib.h: a flush is complete when deflate leaves output space unused; Z_FINISH when it says Z_STREAM_END.
            return IsLast ? ret == LibZ.StreamEnd : !outputFull;
        }
    }

    private static void Check(int ret, ZStreamHandle deflater)
    {
        if (ret != LibZ.Ok)
            throw new IOException($"gzip: compression failed: {deflater.Message($"zlib error {ret}")}");
    }
}
