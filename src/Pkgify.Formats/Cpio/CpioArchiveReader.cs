using System.Text;
using Pkgify.Formats.IO;
using static Pkgify.Formats.Cpio.CpioNewcFormat;

namespace Pkgify.Formats.Cpio;

/// <summary>
/// Reads a cpio archive member by member: "newc" (<c>070701</c>), "crc" (<c>070702</c>, checksum not verified)
/// and rpm's stripped members (<c>07070X</c> + file index, formats.md §2.10), up to the <c>TRAILER!!!</c>
/// member. Data is streamed, never buffered; damage is reported as <see cref="InvalidDataException"/>.
/// </summary>
public sealed class CpioArchiveReader : IDisposable
{
    private readonly Stream _input;
    private readonly bool _leaveOpen;
    private readonly Func<int, long>? _strippedSizeResolver;
    private long _offset;
    private CpioContentStream? _current;
    private bool _atEnd;
    private bool _disposed;

    /// <summary>Creates a reader over <paramref name="input"/>, starting at its current position.</summary>
    /// <param name="input">The uncompressed archive.</param>
    /// <param name="leaveOpen">Keep <paramref name="input"/> open on dispose.</param>
    /// <param name="strippedSizeResolver">
    /// Gives the data size of the file with a given header index, needed for stripped members because they do
    /// not store their size (rpm takes it from LONGFILESIZES/FILESIZES). It should throw
    /// <see cref="InvalidDataException"/> for an index the rpm header does not have.
    /// </param>
    public CpioArchiveReader(Stream input, bool leaveOpen = false, Func<int, long>? strippedSizeResolver = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (!input.CanRead)
            throw new ArgumentException("stream is not readable", nameof(input));
        _input = input;
        _leaveOpen = leaveOpen;
        _strippedSizeResolver = strippedSizeResolver;
    }

    /// <summary>Archive bytes consumed so far (after the trailer: the archive length including its padding).</summary>
    public long BytesRead => _offset;

    /// <summary>
    /// Moves to the next member, skipping whatever the caller left unread of the previous one; null once the
    /// trailer has been read. An archive that ends without a trailer is damaged.
    /// </summary>
    public CpioEntry? Next()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_atEnd)
            return null;
        FinishCurrent();

        Span<byte> magic = stackalloc byte[MagicLength];
        ReadArchive(magic, "cpio: member header (archive ends without TRAILER!!!)");
        if (magic.SequenceEqual(MagicNewc) || magic.SequenceEqual(MagicCrc))
            return ReadNewcMember();
        if (magic.SequenceEqual(MagicStripped))
            return ReadStrippedMember();
        throw new InvalidDataException($"cpio: bad magic at offset {_offset - MagicLength} (only newc 070701/070702 and rpm 07070X are read)");
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (_current is not null)
            _current.Detached = true;
        if (!_leaveOpen)
            _input.Dispose();
    }

    private CpioEntry? ReadNewcMember()
    {
        Span<byte> rest = stackalloc byte[HeaderLength - MagicLength];
        ReadArchive(rest, "cpio: member header");
        Span<uint> f = stackalloc uint[FieldCount];
        for (int i = 0; i < FieldCount; i++)
            f[i] = ParseHex(rest.Slice(i * FieldWidth, FieldWidth), "header field");

        uint nameSize = f[FieldNameSize];
        if (nameSize is < 2 or > MaxNameSize)
            throw new InvalidDataException($"cpio: name size {nameSize} out of range 2..{MaxNameSize}");
        var nameBytes = new byte[nameSize];
        ReadArchive(nameBytes, "cpio: member name");
        if (nameBytes[^1] != 0 || Array.IndexOf(nameBytes, (byte)0) != nameBytes.Length - 1)
            throw new InvalidDataException("cpio: member name is not a single NUL-terminated string");
        SkipArchive(PadTo4(_offset), "cpio: name padding");
        // Names are bytes on disk; replacement characters make undecodable ones visible without failing.
        string name = Encoding.UTF8.GetString(nameBytes, 0, nameBytes.Length - 1);

        if (name == TrailerName)
        {
            SkipArchive(PadTo4(_offset), "cpio: trailer padding");
            _atEnd = true;
            return null;
        }

        var header = new CpioEntryHeader(name, unchecked((int)f[FieldMode]), f[FieldFileSize], f[FieldMTime],
            unchecked((int)f[FieldIno]), unchecked((int)f[FieldNLink]), unchecked((int)f[FieldUid]),
            unchecked((int)f[FieldGid]), unchecked((int)f[FieldDevMajor]), unchecked((int)f[FieldDevMinor]),
            unchecked((int)f[FieldRdevMajor]), unchecked((int)f[FieldRdevMinor]));
        return new CpioEntry(header, null, OpenContent(header.Size, name));
    }

    private CpioEntry ReadStrippedMember()
    {
        Span<byte> indexField = stackalloc byte[FieldWidth];
        ReadArchive(indexField, "cpio: stripped member header");
        uint index = ParseHex(indexField, "stripped file index");
        if (index > int.MaxValue)
            throw new InvalidDataException($"cpio: stripped file index {index} out of range");
        if (_strippedSizeResolver is null)
            throw new InvalidDataException("cpio: stripped (07070X) member, but no rpm header to take its size from");
        SkipArchive(PadTo4(_offset), "cpio: stripped header padding");

        int fileIndex = (int)index;
        long size = _strippedSizeResolver(fileIndex);
        if (size < 0)
            throw new InvalidDataException($"cpio: negative size {size} for stripped file {fileIndex}");
        var header = new CpioEntryHeader(string.Empty, Mode: 0, size, MTime: 0, NLink: 0);
        return new CpioEntry(header, fileIndex, OpenContent(size, $"#{fileIndex}"));
    }

    private CpioContentStream OpenContent(long size, string what)
    {
        // A seekable archive shows its real length: refuse a size that cannot be there before anyone reads.
        if (_input.CanSeek && _input.Length - _input.Position < size)
            throw new InvalidDataException($"cpio: member {what} claims {size} data bytes, the archive has {Math.Max(0, _input.Length - _input.Position)} left");
        _current = new CpioContentStream(_input, size, n => _offset += n);
        return _current;
    }

    private void FinishCurrent()
    {
        if (_current is null)
            return;
        var current = _current;
        _current = null;
        current.Detached = true;
        SkipArchive(current.Remaining, "cpio: member data");
        SkipArchive(PadTo4(_offset), "cpio: data padding");
    }

    private void ReadArchive(Span<byte> buffer, string what)
    {
        StrictRead.Exactly(_input, buffer, what);
        _offset += buffer.Length;
    }

    private void SkipArchive(long count, string what)
    {
        StrictRead.Skip(_input, count, what);
        _offset += count;
    }
}
