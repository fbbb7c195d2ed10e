using System.Buffers;

namespace Pkgify.Formats.IO;

/// <summary>Copies exactly a declared number of bytes, as archive writers must: the size is already in the header.</summary>
internal static class ExactCopy
{
    private const int BufferSize = 128 * 1024;

    /// <summary>
    /// Copies exactly <paramref name="size"/> bytes from <paramref name="source"/> to <paramref name="destination"/>;
    /// throws <see cref="IOException"/> if the source holds fewer or more bytes than declared.
    /// </summary>
    public static void Copy(Stream source, Stream destination, long size, string what)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(BufferSize);
        try
        {
            // File to file (a package assembled around its compressed payload): copied by the kernel.
            var remaining = FileRangeCopy.TryCopy(source, destination, size, what) ? 0 : size;
            while (remaining > 0)
            {
                var got = source.Read(buffer, 0, (int)Math.Min(buffer.Length, remaining));
                if (got == 0)
                {
                    throw new IOException($"{what}: content stream ended {remaining} bytes before the declared size {size}");
                }

                destination.Write(buffer, 0, got);
                remaining -= got;
            }

            // One probe byte past the end: a longer stream means the caller declared the wrong size.
            if (source.Read(buffer, 0, 1) != 0)
            {
                throw new IOException($"{what}: content stream is longer than the declared size {size}");
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }
}
