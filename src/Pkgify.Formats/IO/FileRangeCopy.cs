using System.Runtime.InteropServices;

namespace Pkgify.Formats.IO;

/// <summary>
/// Copies bytes between two regular files inside the kernel with copy_file_range(2), without passing them
/// through user space: assembling a package around its compressed payload (ar member, RPM payload) is then
/// one in-kernel copy of page-cache pages (or a reflink on file systems that share extents).
/// </summary>
public static partial class FileRangeCopy
{
    private const int EINTR = 4;

    /// <summary>One call moves at most this much, so a huge copy still returns to check for short files.</summary>
    private const long MaxChunk = 1L << 30;

    /// <summary>
    /// Copies <paramref name="size"/> bytes from the current position of <paramref name="source"/> to the
    /// current position of <paramref name="destination"/> and advances both; false (nothing copied, positions
    /// unchanged) when either stream is not a file or the kernel cannot do it for these files, so the caller
    /// copies through a buffer instead.
    /// </summary>
    /// <exception cref="IOException">The source ends before <paramref name="size"/> bytes.</exception>
    public static bool TryCopy(Stream source, Stream destination, long size, string what)
    {
        if (source is not FileStream from || destination is not FileStream to || !OperatingSystem.IsLinux())
            return false;
        // Buffered bytes of the FileStreams must reach the file first: the kernel copies at file offsets.
        to.Flush();
        long fromOffset = from.Position, toOffset = to.Position;
        long copied = 0;
        while (copied < size)
        {
            long inOff = fromOffset + copied, outOff = toOffset + copied;
            long n = Copy(from.SafeFileHandle, ref inOff, to.SafeFileHandle, ref outOff, Math.Min(size - copied, MaxChunk));
            if (n < 0)
            {
                int errno = Marshal.GetLastPInvokeError();
                if (errno == EINTR)
                    continue;
                if (copied == 0)
                    return false; // EXDEV, EINVAL, ENOSYS, EOPNOTSUPP...: not for these files; copy in user space
                throw new IOException($"{what}: copy_file_range failed after {copied} bytes: {Marshal.GetPInvokeErrorMessage(errno)}");
            }
            if (n == 0)
                throw new IOException($"{what}: content stream ended {size - copied} bytes before the declared size {size}");
            copied += n;
        }
        from.Position = fromOffset + size;
        to.Position = toOffset + size;
        return true;
    }

    /// <summary>One copy_file_range call; the handles stay referenced (not closed under it) for its duration.</summary>
    private static long Copy(SafeHandle from, ref long fromOffset, SafeHandle to, ref long toOffset, long length)
    {
        bool fromRef = false, toRef = false;
        try
        {
            from.DangerousAddRef(ref fromRef);
            to.DangerousAddRef(ref toRef);
            return copy_file_range((int)from.DangerousGetHandle(), ref fromOffset, (int)to.DangerousGetHandle(), ref toOffset, (nuint)length, 0);
        }
        finally
        {
            if (fromRef) from.DangerousRelease();
            if (toRef) to.DangerousRelease();
        }
    }

    // ssize_t copy_file_range(int fd_in, off_t *off_in, int fd_out, off_t *off_out, size_t len, unsigned int flags);
    [LibraryImport("libc", SetLastError = true)]
    private static partial long copy_file_range(int fdIn, ref long offIn, int fdOut, ref long offOut, nuint len, uint flags);
}
