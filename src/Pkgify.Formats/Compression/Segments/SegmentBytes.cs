namespace Pkgify.Formats.Compression.Segments;

/// <summary>Copies a segment's bytes: exactly the declared length, whatever follows in the source (a cache file may hold more).</summary>
internal static class SegmentBytes
{
    private const int CopyBufferSize = 1 << 16;

    /// <summary>Copies <paramref name="length"/> bytes; a shorter source is an <see cref="InvalidDataException"/> naming <paramref name="what"/>.</summary>
    public static void Copy(Stream source, Stream destination, long length, string what)
    {
        var buffer = new byte[(int)Math.Min(CopyBufferSize, Math.Max(1, length))];
        for (long left = length; left > 0;)
        {
            int n = source.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
            if (n == 0)
                throw new InvalidDataException($"{what}: ends {left} bytes before its declared length {length}");
            destination.Write(buffer, 0, n);
            left -= n;
        }
    }
}
