using System.Buffers.Binary;
using System.Text;
using static Pkgify.Formats.Rpm.RpmHeaderFormat;

namespace Pkgify.Formats.Rpm;

/// <summary>
/// Collects header entries and serialises them the way rpmbuild does (formats.md §2.3): index sorted by tag with
/// the region entry first, data packed in tag order with each item aligned for its type (zero pad bytes), and the
/// 16-byte region trailer <c>{region, BIN, −16·il, 16}</c> as the last bytes of the data store.
/// </summary>
public sealed class RpmHeaderBuilder
{
    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, true);

    private readonly int _regionTag;
    private readonly SortedDictionary<int, PendingEntry> _entries = new();

    private sealed record PendingEntry(RpmTagType Type, int Count, byte[] Data);

    /// <summary>Starts a header whose region tag is 62 (signature header) or 63 (main header).</summary>
    public RpmHeaderBuilder(int regionTag)
    {
        if (regionTag is not (RpmTags.HeaderSignatures or RpmTags.HeaderImmutable))
            throw new ArgumentOutOfRangeException(nameof(regionTag), regionTag, "region tag must be 62 (signature) or 63 (main)");
        _regionTag = regionTag;
    }

    /// <summary>Adds a STRING (count 1).</summary>
    public RpmHeaderBuilder AddString(int tag, string value) =>
        Add(tag, RpmTagType.String, 1, EncodeStrings([value]));

    /// <summary>Adds an I18NSTRING with one value (the locale "C" of HEADERI18NTABLE).</summary>
    public RpmHeaderBuilder AddI18NString(int tag, string value) =>
        Add(tag, RpmTagType.I18NString, 1, EncodeStrings([value]));

    /// <summary>Adds a STRING_ARRAY; an empty array is refused (omit the tag instead).</summary>
    public RpmHeaderBuilder AddStringArray(int tag, IReadOnlyList<string> values) =>
        Add(tag, RpmTagType.StringArray, CheckedCount(values), EncodeStrings(values));

    /// <summary>Adds CHAR data (count = byte length).</summary>
    public RpmHeaderBuilder AddChar(int tag, ReadOnlySpan<byte> data) =>
        Add(tag, RpmTagType.Char, data.Length, data.ToArray());

    /// <summary>Adds an INT8 array.</summary>
    public RpmHeaderBuilder AddInt8(int tag, IReadOnlyList<byte> values) =>
        Add(tag, RpmTagType.Int8, CheckedCount(values), values.ToArray());

    /// <summary>Adds a big-endian INT16 array (FILEMODES 0100644 is passed as <c>unchecked((short)0x81A4)</c>).</summary>
    public RpmHeaderBuilder AddInt16(int tag, IReadOnlyList<short> values) =>
        Add(tag, RpmTagType.Int16, CheckedCount(values),
            Encode(values, sizeof(short), (span, v) => BinaryPrimitives.WriteInt16BigEndian(span, v)));

    /// <summary>Adds a big-endian INT32 array.</summary>
    public RpmHeaderBuilder AddInt32(int tag, IReadOnlyList<int> values) =>
        Add(tag, RpmTagType.Int32, CheckedCount(values),
            Encode(values, sizeof(int), (span, v) => BinaryPrimitives.WriteInt32BigEndian(span, v)));

    /// <summary>Adds a big-endian INT64 array.</summary>
    public RpmHeaderBuilder AddInt64(int tag, IReadOnlyList<long> values) =>
        Add(tag, RpmTagType.Int64, CheckedCount(values),
            Encode(values, sizeof(long), (span, v) => BinaryPrimitives.WriteInt64BigEndian(span, v)));

    /// <summary>Adds BIN data (count = byte length); empty data is refused.</summary>
    public RpmHeaderBuilder AddBin(int tag, ReadOnlySpan<byte> data) =>
        Add(tag, RpmTagType.Bin, data.Length, data.ToArray());

    /// <summary>
    /// Adds a parsed entry back (e.g. from <see cref="RpmHeader.Entries"/>) with its type and value unchanged.
    /// Region entries are skipped: <see cref="Build"/> writes its own.
    /// </summary>
    public RpmHeaderBuilder AddEntry(RpmHeaderEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        if (entry.Tag == _regionTag)
            return this;
        return (entry.Type, entry.Value) switch
        {
            (RpmTagType.String, string s) => AddString(entry.Tag, s),
            (RpmTagType.StringArray or RpmTagType.I18NString, string[] a) =>
                Add(entry.Tag, entry.Type, CheckedCount(a), EncodeStrings(a)),
            (RpmTagType.Char or RpmTagType.Int8 or RpmTagType.Bin, byte[] b) =>
                Add(entry.Tag, entry.Type, b.Length, (byte[])b.Clone()),
            (RpmTagType.Int16, short[] v) => AddInt16(entry.Tag, v),
            (RpmTagType.Int32, int[] v) => AddInt32(entry.Tag, v),
            (RpmTagType.Int64, long[] v) => AddInt64(entry.Tag, v),
            _ => throw new ArgumentException($"tag {entry.Tag}: value {entry.Value.GetType().Name} does not match type {entry.Type}", nameof(entry)),
        };
    }

    /// <summary>
    /// Serialises the header: magic <c>8E AD E8 01 00 00 00 00</c>, il, dl, index, data store. The builder is left
    /// unchanged, so calling it twice gives the same bytes.
    /// </summary>
    /// <exception cref="InvalidOperationException">The header exceeds rpm's entry or size limits.</exception>
    public byte[] Build()
    {
        int il = _entries.Count + 1;
        var offsets = new long[_entries.Count];
        long dataEnd = 0;
        int i = 0;
        foreach (var entry in _entries.Values)
        {
            dataEnd = Align(dataEnd, entry.Type);
            offsets[i++] = dataEnd;
            dataEnd += entry.Data.Length;
        }
        long trailerOffset = dataEnd; // BIN: no alignment before the trailer.
        long dl = trailerOffset + RegionTrailerLength;
        CheckLimits(il, dl);

        var header = new byte[PreambleLength + (long)il * IndexEntryLength + dl];
        Magic.CopyTo(header);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(IndexCountOffset), il);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(DataLengthOffset), (int)dl);
        Span<byte> index = header.AsSpan(PreambleLength, il * IndexEntryLength);
        Span<byte> data = header.AsSpan(PreambleLength + il * IndexEntryLength);

        WriteIndexEntry(index, _regionTag, RpmTagType.Bin, (int)trailerOffset, RegionTrailerLength);
        i = 0;
        foreach (var (tag, entry) in _entries)
        {
            WriteIndexEntry(index[((i + 1) * IndexEntryLength)..], tag, entry.Type, (int)offsets[i], entry.Count);
            entry.Data.CopyTo(data[(int)offsets[i]..]);
            i++;
        }
        // The trailer reads like an index entry whose negative offset says how many entries the region spans.
        WriteIndexEntry(data[(int)trailerOffset..], _regionTag, RpmTagType.Bin, -(il * IndexEntryLength), RegionTrailerLength);
        return header;
    }

    private void CheckLimits(int il, long dl)
    {
        bool signature = _regionTag == RpmTags.HeaderSignatures;
        int maxEntries = signature ? SignatureMaxEntries : MainMaxEntries;
        int maxData = signature ? SignatureMaxData : MainMaxData;
        if (il > maxEntries || dl > maxData)
            throw new InvalidOperationException(
                $"rpm header too large: {il} entries / {dl} data bytes, rpm allows {maxEntries} / {maxData}");
    }

    private static void WriteIndexEntry(Span<byte> at, int tag, RpmTagType type, int offset, int count)
    {
        BinaryPrimitives.WriteInt32BigEndian(at[EntryTagOffset..], tag);
        BinaryPrimitives.WriteInt32BigEndian(at[EntryTypeOffset..], (int)type);
        BinaryPrimitives.WriteInt32BigEndian(at[EntryDataOffset..], offset);
        BinaryPrimitives.WriteInt32BigEndian(at[EntryCountOffset..], count);
    }

    private RpmHeaderBuilder Add(int tag, RpmTagType type, int count, byte[] data)
    {
        if (tag < MinEntryTag)
            throw new ArgumentOutOfRangeException(nameof(tag), tag, $"entry tags start at {MinEntryTag}; region tags are written by Build()");
        if (count < 1 || data.Length == 0)
            throw new ArgumentException($"tag {tag}: empty value; omit the tag instead (rpm requires count >= 1)", nameof(tag));
        if (type is not (RpmTagType.Bin or RpmTagType.Char) && count > MaxArrayCount)
            throw new ArgumentException($"tag {tag}: {count} elements, rpm allows {MaxArrayCount}", nameof(tag));
        if (!_entries.TryAdd(tag, new PendingEntry(type, count, data)))
            throw new ArgumentException($"tag {tag} added twice", nameof(tag));
        return this;
    }

    /// <summary>Checks an array's element count before anything is allocated for it.</summary>
    private static int CheckedCount<T>(IReadOnlyList<T> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count > MaxArrayCount)
            throw new ArgumentException($"{values.Count} elements, rpm allows {MaxArrayCount}", nameof(values));
        return values.Count;
    }

    private static byte[] EncodeStrings(IReadOnlyList<string> values)
    {
        using var buffer = new MemoryStream();
        foreach (string value in values)
        {
            ArgumentNullException.ThrowIfNull(value);
            if (value.Contains('\0'))
                throw new ArgumentException("rpm header strings cannot contain NUL");
            buffer.Write(StrictUtf8.GetBytes(value));
            buffer.WriteByte(0);
        }
        return buffer.ToArray();
    }

    private static byte[] Encode<T>(IReadOnlyList<T> values, int size, Action<Span<byte>, T> write)
    {
        var bytes = new byte[values.Count * size];
        for (int i = 0; i < values.Count; i++)
            write(bytes.AsSpan(i * size, size), values[i]);
        return bytes;
    }
}
