namespace Pkgify.Formats.IO;

/// <summary>Sequential-read helpers shared by the archive readers; damage is always <see cref="InvalidDataException"/>.</summary>
internal static class StreamReading
{
    private const int SkipBufferSize = 64 * 1024;

    /// <summary>Reads until <paramref name="buffer"/> is full or the stream ends; returns the number of bytes read.</summary>
    public static int ReadAtMost(Stream input, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var got = input.Read(buffer[total..]);
            if (got == 0)
            {
                break;
            }

            total += got;
        }

        return total;
    }

    /// <summary>Fills <paramref name="buffer"/> or throws <see cref="InvalidDataException"/> naming <paramref name="what"/>.</summary>
    public static void ReadExactly(Stream input, Span<byte> buffer, string what)
    {
        if (ReadAtMost(input, buffer) != buffer.Length)
        {
            throw new InvalidDataException($"{what}: archive truncated");
        }
    }

    /// <summary>
    /// Advances <paramref name="count"/> bytes. Seekable inputs are checked against their length and seeked (so a
    /// forged multi-terabyte size costs nothing); others are read and discarded until the count or a truncation.
    /// </summary>
    public static void Skip(Stream input, long count, string what)
    {
        if (count <= 0)
        {
            return;
        }

        if (input.CanSeek)
        {
            if (count > input.Length - input.Position)
            {
                throw new InvalidDataException($"{what}: archive truncated");
            }

            input.Seek(count, SeekOrigin.Current);
            return;
        }

        var buffer = new byte[(int)Math.Min(SkipBufferSize, count)];
        while (count > 0)
        {
            var got = input.Read(buffer, 0, (int)Math.Min(buffer.Length, count));
            if (got == 0)
            {
                throw new InvalidDataException($"{what}: archive truncated");
            }

            count -= got;
        }
    }
}
