using System.Buffers.Binary;
using System.Text;

namespace Pkgify.Formats.Elf;

/// <summary>
/// Random access to one ELF file in its own byte order and class. Every read is checked against the real stream
/// length first, so a forged offset or size is reported as damage instead of a huge allocation or a short read.
/// </summary>
internal sealed class ElfInput
{
    private const int StringChunk = 256;
    private const int TableChunkBytes = 64 * 1024;

    private readonly Stream _stream;

    public ElfInput(Stream stream, bool bigEndian, bool is64)
    {
        _stream = stream;
        Length = stream.Length;
        BigEndian = bigEndian;
        Is64 = is64;
    }

    public long Length { get; }

    public bool BigEndian { get; }

    public bool Is64 { get; }

    /// <summary>Size of an address/offset field: Elf32_Addr or Elf64_Addr.</summary>
    public int WordSize => Is64 ? 8 : 4;

    /// <summary>Throws unless [<paramref name="offset"/>, +<paramref name="size"/>) lies inside the file.</summary>
    public void CheckRange(long offset, long size, string what)
    {
        if (offset < 0 || size < 0 || offset > Length || size > Length - offset)
            throw new InvalidDataException($"ELF {what} (offset {offset}, size {size}) lies outside the {Length}-byte file");
    }

    public void ReadAt(long offset, Span<byte> buffer, string what)
    {
        CheckRange(offset, buffer.Length, what);
        _stream.Position = offset;
        if (_stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false) != buffer.Length)
            throw new InvalidDataException($"ELF {what}: file truncated");
    }

    public ushort U16(ReadOnlySpan<byte> s, int at) =>
        BigEndian ? BinaryPrimitives.ReadUInt16BigEndian(s[at..]) : BinaryPrimitives.ReadUInt16LittleEndian(s[at..]);

    public uint U32(ReadOnlySpan<byte> s, int at) =>
        BigEndian ? BinaryPrimitives.ReadUInt32BigEndian(s[at..]) : BinaryPrimitives.ReadUInt32LittleEndian(s[at..]);

    public ulong U64(ReadOnlySpan<byte> s, int at) =>
        BigEndian ? BinaryPrimitives.ReadUInt64BigEndian(s[at..]) : BinaryPrimitives.ReadUInt64LittleEndian(s[at..]);

    /// <summary>An unsigned address-sized field (Elf32_Word/Off or Elf64_Xword/Off), as a checked long.</summary>
    public long Word(ReadOnlySpan<byte> s, int at, string what)
    {
        var value = Is64 ? U64(s, at) : U32(s, at);
        if (value > long.MaxValue)
            throw new InvalidDataException($"ELF {what}: value {value} is out of range");
        return (long)value;
    }

    /// <summary>A signed address-sized field (d_tag).</summary>
    public long SignedWord(ReadOnlySpan<byte> s, int at) => Is64 ? (long)U64(s, at) : (int)U32(s, at);

    /// <summary>
    /// The NUL-terminated string at <paramref name="index"/> of the string table [<paramref name="tableOffset"/>,
    /// +<paramref name="tableSize"/>). Read in small chunks: string tables can be megabytes, names are short.
    /// </summary>
    public string String(long tableOffset, long tableSize, long index, string what)
    {
        if (index < 0 || index >= tableSize)
            throw new InvalidDataException($"ELF {what}: string offset {index} is outside its {tableSize}-byte string table");
        var available = Math.Min(tableSize - index, ElfLimits.MaxStringLength + 1L);
        var bytes = new List<byte>();
        Span<byte> chunk = stackalloc byte[StringChunk];
        for (long at = 0; at < available; at += StringChunk)
        {
            var part = chunk[..(int)Math.Min(StringChunk, available - at)];
            ReadAt(tableOffset + index + at, part, what);
            var nul = part.IndexOf((byte)0);
            if (nul >= 0)
            {
                bytes.AddRange(part[..nul]);
                return Encoding.UTF8.GetString(bytes.ToArray());
            }
            bytes.AddRange(part);
        }
        throw new InvalidDataException($"ELF {what}: string at offset {index} is not NUL-terminated within its table or {ElfLimits.MaxStringLength} bytes");
    }

    /// <summary>Calls <paramref name="each"/> for <paramref name="count"/> fixed-size entries, reading 64 KiB at a time.</summary>
    public void ForEachEntry(long offset, long count, int entrySize, string what, EntryHandler each)
    {
        CheckRange(offset, count * entrySize, what);
        var perChunk = Math.Max(1, TableChunkBytes / entrySize);
        var buffer = new byte[(int)Math.Min(count, perChunk) * entrySize];
        for (long first = 0; first < count; first += perChunk)
        {
            var n = (int)Math.Min(perChunk, count - first);
            var span = buffer.AsSpan(0, n * entrySize);
            ReadAt(offset + first * entrySize, span, what);
            for (var i = 0; i < n; i++)
                each(span.Slice(i * entrySize, entrySize), first + i);
        }
    }

    /// <summary>Receives one table entry and its index.</summary>
    public delegate void EntryHandler(ReadOnlySpan<byte> entry, long index);
}
