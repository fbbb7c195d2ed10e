using System.Buffers;

namespace Pkgify.Formats.IO;

/// <summary>
/// Reads from untrusted streams: a short read is reported as <see cref="InvalidDataException"/> (damaged input),
/// and length-prefixed blocks are only allocated once the stream has shown it really holds that many bytes.
/// </summary>
internal static class StrictRead
{
    /// <summary>Chunk size used while growing a block read from a stream whose length is unknown.</summary>
    private const int GrowChunk = 1 << 20;

    /// <summary>Chunk size used to discard bytes from a stream that cannot seek.</summary>
    private const int SkipChunk = 1 << 16;

    /// <summary>Fills <paramref name="buffer"/> completely or throws naming <paramref name="what"/>.</summary>
    public static void Exactly(Stream input, Span<byte> buffer, string what)
    {
        int done = 0;
        while (done < buffer.Length)
        {
            int n = input.Read(buffer[done..]);
            if (n == 0)
                throw new InvalidDataException($"{what}: truncated after {done} of {buffer.Length} bytes");
            done += n;
        }
    }

    /// <summary>
    /// Returns <paramref name="prefix"/> followed by exactly <paramref name="length"/> bytes read from the stream.
    /// The allocation never exceeds what the stream can still deliver: seekable streams are checked against their
    /// length first, others are read in chunks so that a lying length prefix on a short stream costs at most one
    /// chunk.
    /// </summary>
    public static byte[] Block(Stream input, ReadOnlySpan<byte> prefix, int length, string what)
    {
        if (input.CanSeek && input.Length - input.Position < length)
            throw new InvalidDataException($"{what}: needs {length} more bytes, only {Math.Max(0, input.Length - input.Position)} left");
        if (input.CanSeek || length <= GrowChunk)
        {
            var exact = new byte[prefix.Length + length];
            prefix.CopyTo(exact);
            Exactly(input, exact.AsSpan(prefix.Length), what);
            return exact;
        }
        using var grown = new MemoryStream(GrowChunk);
        grown.Write(prefix);
        var chunk = new byte[GrowChunk];
        long left = length;
        while (left > 0)
        {
            int want = (int)Math.Min(chunk.Length, left);
            Exactly(input, chunk.AsSpan(0, want), what);
            grown.Write(chunk, 0, want);
            left -= want;
        }
        return grown.ToArray();
    }

    /// <summary>Consumes and discards <paramref name="count"/> bytes (seeking when possible).</summary>
    public static void Skip(Stream input, long count, string what)
    {
        if (count <= 0)
            return;
        if (input.CanSeek)
        {
            if (input.Length - input.Position < count)
                throw new InvalidDataException($"{what}: truncated");
            input.Seek(count, SeekOrigin.Current);
            return;
        }
        // Skipping multi-GiB members of a pipe is common (rpm payloads), so discard in large chunks.
        byte[] scratch = ArrayPool<byte>.Shared.Rent(SkipChunk);
        try
        {
            while (count > 0)
            {
                int want = (int)Math.Min(SkipChunk, count);
                Exactly(input, scratch.AsSpan(0, want), what);
                count -= want;
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(scratch);
        }
    }
}
