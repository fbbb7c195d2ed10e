namespace Pkgify.Formats.IO;

/// <summary>
/// State shared by the sequential archive readers: the input and its ownership, the bytes consumed so far, the
/// content stream of the current member, and a latch that makes every call after damage fail again (the position
/// in the input is unknown then, so the reader must never resynchronise silently).
/// </summary>
internal sealed class ArchiveCursor(Stream input, bool leaveOpen) : IDisposable
{
    private BoundedReadStream? _content;
    private InvalidDataException? _failure;
    private bool _disposed;

    public Stream Input { get; } = input ?? throw new ArgumentNullException(nameof(input));

    /// <summary>Bytes of the archive consumed so far (for offsets in error messages).</summary>
    public long Position { get; set; }

    /// <summary>Runs one step of the reader, latching the first <see cref="InvalidDataException"/>.</summary>
    public T? Guard<T>(object owner, Func<T?> step)
        where T : class
    {
        ObjectDisposedException.ThrowIf(_disposed, owner);
        if (_failure is not null)
        {
            throw new InvalidDataException(_failure.Message, _failure);
        }

        try
        {
            return step();
        }
        catch (InvalidDataException e)
        {
            _failure = e;
            throw;
        }
    }

    /// <summary>Opens the content window of a new member at the current input position.</summary>
    public Stream StartContent(long size, string what)
    {
        _content = new BoundedReadStream(Input, size, what);
        return _content;
    }

    /// <summary>
    /// Ends the current member: its content stream stops working and its unread bytes plus
    /// <paramref name="padding"/> (computed from the member size) are skipped. Returns the member size, or -1
    /// when there was no member.
    /// </summary>
    public void SkipContent(Func<long, int> padding, bool paddingMayBeMissing = false)
    {
        if (_content is null)
        {
            return;
        }

        var content = _content;
        _content = null;
        content.Invalidate();
        StreamReading.Skip(Input, content.Remaining, $"archive member data at offset {Position}");
        Position += content.Length;
        Span<byte> pad = stackalloc byte[padding(content.Length)];
        if (paddingMayBeMissing)
        {
            Position += StreamReading.ReadAtMost(Input, pad);
        }
        else
        {
            StreamReading.ReadExactly(Input, pad, $"archive member padding at offset {Position}");
            Position += pad.Length;
        }
    }

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _content?.Invalidate();
        if (!leaveOpen)
        {
            Input.Dispose();
        }
    }
}
