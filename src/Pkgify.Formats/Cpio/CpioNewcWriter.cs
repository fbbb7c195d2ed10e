using System.Buffers;
using static Pkgify.Formats.Cpio.CpioNewcFormat;

namespace Pkgify.Formats.Cpio;

/// <summary>
/// Streams a "newc" cpio archive the way rpm writes its payload (formats.md §2.10): <c>070701</c> headers with
/// the check field 0, name and data each zero-padded to 4 bytes counted from the archive start, and a
/// <c>TRAILER!!!</c> member with no 512-byte block padding. Hardlink sets are the caller's business: write
/// every member but the last with size 0, all with the same inode and nlink = set size.
/// </summary>
/// <remarks>Disposing does not write the trailer: an archive abandoned after an error must not look complete.</remarks>
public sealed class CpioNewcWriter : IDisposable
{
    private const int CopyBufferSize = 81920;
    private static readonly byte[] Zeros = new byte[Alignment];

    private readonly Stream _output;
    private readonly bool _leaveOpen;
    private bool _finished;
    private bool _disposed;

    /// <summary>Creates a writer that appends to <paramref name="output"/> from its current position.</summary>
    public CpioNewcWriter(Stream output, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        if (!output.CanWrite)
            throw new ArgumentException("stream is not writable", nameof(output));
        _output = output;
        _leaveOpen = leaveOpen;
    }

    /// <summary>Bytes written so far; also the archive offset used for padding.</summary>
    public long BytesWritten { get; private set; }

    /// <summary>
    /// Writes one member: header, name, padding, then exactly <c>header.Size</c> bytes copied from
    /// <paramref name="content"/> (which may be null only when the size is 0), then padding.
    /// </summary>
    /// <exception cref="EndOfStreamException"><paramref name="content"/> ended before <c>header.Size</c> bytes.</exception>
    public void WriteEntry(CpioEntryHeader header, Stream? content)
    {
        ArgumentNullException.ThrowIfNull(header);
        EnsureWritable();
        ValidateHeader(header);
        if (content is null && header.Size != 0)
            throw new ArgumentException($"cpio member {header.Name} has size {header.Size} but no content", nameof(content));

        WriteHeaderAndName(header);
        CopyContent(content, header.Size, header.Name);
    }

    /// <summary>
    /// Writes one member in rpm's stripped format (formats.md §2.10, used when any file is ≥ 4 GiB):
    /// <c>07070X</c> + the file's index in the rpm header arrays as 8 hex digits, padding to 4, exactly
    /// <paramref name="size"/> data bytes, padding to 4. Names and metadata live only in the rpm header.
    /// </summary>
    public void WriteStrippedEntry(int fileIndex, long size, Stream? content)
    {
        EnsureWritable();
        ArgumentOutOfRangeException.ThrowIfNegative(fileIndex);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        if (content is null && size != 0)
            throw new ArgumentException($"stripped member {fileIndex} has size {size} but no content", nameof(content));

        Span<byte> head = stackalloc byte[StrippedHeaderLength];
        MagicStripped.CopyTo(head);
        WriteHex(head[MagicLength..], (uint)fileIndex);
        Emit(head);
        EmitPadding();
        CopyContent(content, size, $"#{fileIndex}");
    }

    /// <summary>
    /// Ends the archive with the <c>TRAILER!!!</c> member (nlink 1, namesize 11, everything else 0) padded to
    /// 4 bytes — no 512-byte padding, as rpm does. Calling it again does nothing.
    /// </summary>
    public void Finish()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
            return;
        WriteHeaderAndName(new CpioEntryHeader(TrailerName, Mode: 0, Size: 0, MTime: 0, NLink: 1));
        _output.Flush();
        _finished = true;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_leaveOpen)
            _output.Dispose();
    }

    private void EnsureWritable()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_finished)
            throw new InvalidOperationException("cpio archive already finished");
    }

    private static void ValidateHeader(CpioEntryHeader header)
    {
        if (string.IsNullOrEmpty(header.Name) || header.Name.Contains('\0'))
            throw new ArgumentException("cpio member name must be non-empty and contain no NUL", nameof(header));
        // newc stores sizes and times as 32-bit hex; bigger files need the stripped format.
        if (header.Size is < 0 or > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(header), $"size {header.Size} of {header.Name} does not fit newc's 32 bits");
        if (header.MTime is < 0 or > uint.MaxValue)
            throw new ArgumentOutOfRangeException(nameof(header), $"mtime {header.MTime} of {header.Name} does not fit newc's 32 bits");
    }

    private void WriteHeaderAndName(CpioEntryHeader header)
    {
        byte[] name = NameEncoding.GetBytes(header.Name + "\0");
        if (name.Length > MaxNameSize)
            throw new ArgumentException($"cpio member name longer than {MaxNameSize - 1} bytes: {header.Name}", nameof(header));

        Span<byte> head = stackalloc byte[HeaderLength];
        MagicNewc.CopyTo(head);
        Span<uint> fields = stackalloc uint[FieldCount];
        fields[FieldIno] = unchecked((uint)header.Inode);
        fields[FieldMode] = unchecked((uint)header.Mode);
        fields[FieldUid] = unchecked((uint)header.Uid);
        fields[FieldGid] = unchecked((uint)header.Gid);
        fields[FieldNLink] = unchecked((uint)header.NLink);
        fields[FieldMTime] = (uint)header.MTime;
        fields[FieldFileSize] = (uint)header.Size;
        fields[FieldDevMajor] = unchecked((uint)header.DevMajor);
        fields[FieldDevMinor] = unchecked((uint)header.DevMinor);
        fields[FieldRdevMajor] = unchecked((uint)header.RdevMajor);
        fields[FieldRdevMinor] = unchecked((uint)header.RdevMinor);
        fields[FieldNameSize] = (uint)name.Length;
        fields[FieldCheck] = 0; // rpm and "cpio -H newc" leave the checksum unused.
        for (int i = 0; i < FieldCount; i++)
            WriteHex(head.Slice(MagicLength + i * FieldWidth, FieldWidth), fields[i]);

        Emit(head);
        Emit(name);
        EmitPadding();
    }

    private void CopyContent(Stream? content, long size, string what)
    {
        if (size > 0)
        {
            byte[] buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(CopyBufferSize, size));
            try
            {
                long left = size;
                while (left > 0)
                {
                    int n = content!.Read(buffer, 0, (int)Math.Min(buffer.Length, left));
                    if (n == 0)
                        throw new EndOfStreamException($"content of cpio member {what} ended {left} bytes before its declared size {size}");
                    Emit(buffer.AsSpan(0, n));
                    left -= n;
                }
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }
        EmitPadding();
    }

    private void EmitPadding() => Emit(Zeros.AsSpan(0, PadTo4(BytesWritten)));

    private void Emit(ReadOnlySpan<byte> bytes)
    {
        _output.Write(bytes);
        BytesWritten += bytes.Length;
    }
}
