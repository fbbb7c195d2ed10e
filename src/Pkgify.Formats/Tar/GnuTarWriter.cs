using Pkgify.Formats.IO;

namespace Pkgify.Formats.Tar;

/// <summary>
/// Streams a GNU-format tar archive (the format dpkg-deb writes and dpkg unpacks: GNU magic, ././@LongLink
/// entries for long names, base-256 for big numbers, never PAX headers). Every byte is a function of the
/// entries given: GNU atime/ctime fields stay zero and nothing is read from the host.
/// </summary>
public sealed class GnuTarWriter : IDisposable
{
    private const int EndOfArchiveBlocks = 2;

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private bool _finished;
    private bool _faulted;
    private bool _disposed;

    /// <summary>Creates a writer that appends the archive to <paramref name="output"/>.</summary>
    public GnuTarWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        _output = output;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Bytes written to the output so far.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>Writes an entry without content (directory, link, device, FIFO or empty file): Size must be 0.</summary>
    public void WriteEntry(TarEntryHeader header) => WriteEntry(header, ReadOnlySpan<byte>.Empty);

    /// <summary>Writes an entry whose content is copied from <paramref name="content"/>: exactly Size bytes.</summary>
    /// <exception cref="IOException">The stream is shorter or longer than <see cref="TarEntryHeader.Size"/>.</exception>
    public void WriteEntry(TarEntryHeader header, Stream content)
    {
        ArgumentNullException.ThrowIfNull(content);
        WriteHeaders(header);
        ExactCopy.Copy(content, _output, header.Size, $"tar entry '{header.Name}'");
        BytesWritten += header.Size;
        WritePadding(header.Size);
        _faulted = false;
    }

    /// <summary>Writes an entry whose content is <paramref name="content"/>; its length must equal Size.</summary>
    public void WriteEntry(TarEntryHeader header, ReadOnlySpan<byte> content)
    {
        ArgumentNullException.ThrowIfNull(header);
        if (content.Length != header.Size)
        {
            throw new ArgumentException(
                $"tar entry '{header.Name}': content is {content.Length} bytes but the header says {header.Size}", nameof(content));
        }

        WriteHeaders(header);
        _output.Write(content);
        BytesWritten += content.Length;
        WritePadding(content.Length);
        _faulted = false;
    }

    /// <summary>Writes the end-of-archive marker (two zero blocks) once; later calls do nothing.</summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            return;
        }

        ThrowIfFaulted();
        _output.Write(new byte[EndOfArchiveBlocks * TarHeaderLayout.BlockSize]);
        BytesWritten += EndOfArchiveBlocks * TarHeaderLayout.BlockSize;
        _output.Flush();
        _finished = true;
    }

    /// <summary>Finishes the archive (unless a write failed half-way) and closes the output unless leaveOpen.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        try
        {
            if (!_faulted)
            {
                Finish();
            }
        }
        finally
        {
            _disposed = true;
            if (!_leaveOpen)
            {
                _output.Dispose();
            }
        }
    }

    private void WriteHeaders(TarEntryHeader header)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
        {
            throw new InvalidOperationException("the tar archive is already finished");
        }

        ThrowIfFaulted();
        var blocks = GnuHeaderEncoder.Encode(header);

        // From the first header byte until the content's padding is written, a failure leaves a broken archive.
        _faulted = true;
        _output.Write(blocks);
        BytesWritten += blocks.Length;
    }

    private void WritePadding(long contentSize)
    {
        Span<byte> zeros = stackalloc byte[TarHeaderLayout.BlockSize];
        zeros.Clear();
        var padding = TarHeaderLayout.PaddingFor(contentSize);
        _output.Write(zeros[..padding]);
        BytesWritten += padding;
    }

    private void ThrowIfFaulted()
    {
        if (_faulted)
        {
            throw new InvalidOperationException("an earlier tar entry failed half-way; the archive is unusable");
        }
    }
}
