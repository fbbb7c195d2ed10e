using System.Buffers.Binary;
using System.Text;
using Pkgify.Formats.IO;
using static Pkgify.Formats.Rpm.RpmHeaderFormat;

namespace Pkgify.Formats.Rpm;

/// <summary>
/// Reads and validates one header the way rpm 4.18 does before trusting it (`lib/header.c`: hdrblobRead,
/// hdrblobVerifyLengths, hdrblobVerifyRegion, hdrblobVerifyInfo, regionSwab; formats.md §2.3). Every violation
/// becomes an <see cref="InvalidDataException"/> naming the first problem found.
/// </summary>
internal sealed class RpmHeaderParser
{
    private readonly byte[] _raw;
    private readonly int _il;
    private readonly int _dl;
    private readonly int _dataStart;
    private readonly bool _isSignature;
    private readonly int _regionTag;
    private readonly string _what;

    private RpmHeaderParser(byte[] raw, int il, int dl, bool isSignature)
    {
        _raw = raw;
        _il = il;
        _dl = dl;
        _dataStart = PreambleLength + il * IndexEntryLength;
        _isSignature = isSignature;
        _regionTag = isSignature ? RpmTags.HeaderSignatures : RpmTags.HeaderImmutable;
        _what = isSignature ? "rpm signature header" : "rpm header";
    }

    /// <summary>Reads a header's bytes from <paramref name="input"/> and decodes its entries in index order.</summary>
    public static (byte[] Raw, List<RpmHeaderEntry> Entries) Read(Stream input, bool isSignature, RpmReadLimits limits)
    {
        string what = isSignature ? "rpm signature header" : "rpm header";
        Span<byte> preamble = stackalloc byte[PreambleLength];
        StrictRead.Exactly(input, preamble, what);
        if (!preamble[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException($"{what}: bad magic");
        uint il = BinaryPrimitives.ReadUInt32BigEndian(preamble[IndexCountOffset..]);
        uint dl = BinaryPrimitives.ReadUInt32BigEndian(preamble[DataLengthOffset..]);
        // hdrblobVerifyLengths: the counts are checked before anything is allocated for them.
        if (il < 1 || il > limits.MaxIndexEntries)
            throw new InvalidDataException($"{what}: {il} index entries, allowed 1..{limits.MaxIndexEntries}");
        if (dl < RegionTrailerLength || dl > limits.MaxDataLength)
            throw new InvalidDataException($"{what}: data length {dl}, allowed {RegionTrailerLength}..{limits.MaxDataLength}");

        long rest = (long)il * IndexEntryLength + dl;
        if (rest > int.MaxValue - PreambleLength)
            throw new InvalidDataException($"{what}: {il} entries and {dl} data bytes exceed what can be read");
        byte[] raw = StrictRead.Block(input, preamble, (int)rest, what);
        var parser = new RpmHeaderParser(raw, (int)il, (int)dl, isSignature);
        return (raw, parser.Decode());
    }

    private List<RpmHeaderEntry> Decode()
    {
        var (regionEntry, regionEntryCount, regionEnd) = VerifyRegion();
        var entries = new List<RpmHeaderEntry>(_il) { regionEntry };
        var seen = new HashSet<int> { _regionTag };
        long expected = 0; // where the next entry's data must start, before alignment
        for (int i = 1; i < _il; i++)
        {
            if (i == regionEntryCount)
                expected = regionEnd; // entries outside the region ("dribbles") follow its trailer
            var (tag, type, offset, count) = IndexEntry(i);
            bool inRegion = i < regionEntryCount;
            long limit = inRegion ? regionEnd - RegionTrailerLength : _dl;
            VerifyEntry(i, tag, type, offset, count, inRegion ? Align(expected, type) : -1, expected);
            if (!seen.Add(tag))
                throw Bad($"tag {tag} appears twice");
            var (value, end) = DecodeValue(tag, type, offset, count, limit);
            entries.Add(new RpmHeaderEntry(tag, type, offset, count, value));
            expected = end;
        }
        // regionSwab: the packed data of the region's entries must end exactly where its trailer starts.
        if (regionEntryCount == _il && expected != regionEnd - RegionTrailerLength)
            throw Bad($"data ends at {expected} but the region trailer starts at {regionEnd - RegionTrailerLength}");
        return entries;
    }

    /// <summary>hdrblobVerifyRegion: the first entry is the region, its trailer says how many entries it spans.</summary>
    private (RpmHeaderEntry Entry, int EntryCount, long End) VerifyRegion()
    {
        var (tag, type, offset, count) = IndexEntry(0);
        if (tag != _regionTag)
            throw Bad($"first entry is tag {tag}, not the region tag {_regionTag}");
        if (type != RpmTagType.Bin || count != RegionTrailerLength || offset < 0 || offset > _dl - RegionTrailerLength)
            throw Bad($"region entry BAD (type {(int)type}, offset {offset}, count {count})");

        ReadOnlySpan<byte> trailer = _raw.AsSpan(_dataStart + offset, RegionTrailerLength);
        int trailerTag = BinaryPrimitives.ReadInt32BigEndian(trailer[EntryTagOffset..]);
        // Old packages carry HEADERIMAGE in the signature region's trailer; rpm accepts it there.
        bool tagOk = trailerTag == _regionTag || (_isSignature && trailerTag == RpmTags.HeaderImage);
        if (!tagOk || BinaryPrimitives.ReadInt32BigEndian(trailer[EntryTypeOffset..]) != (int)RpmTagType.Bin
            || BinaryPrimitives.ReadInt32BigEndian(trailer[EntryCountOffset..]) != RegionTrailerLength)
            throw Bad("region trailer BAD (tag, type or count)");

        // The trailer offset is the NEGATED size of the region's index: -16 * (entries in the region).
        long span = -(long)BinaryPrimitives.ReadInt32BigEndian(trailer[EntryDataOffset..]);
        long regionEntries = span / IndexEntryLength;
        long regionEnd = (long)offset + RegionTrailerLength;
        if (span <= 0 || span % IndexEntryLength != 0 || regionEntries > _il)
            throw Bad($"region size BAD: trailer offset {-span} for {_il} entries");
        // In a package file the main header's region must cover the whole header (hdrblobVerifyRegion exact_size).
        if (!_isSignature && (regionEntries != _il || regionEnd != _dl))
            throw Bad($"region {_regionTag}: tag number mismatch il {_il} ril {regionEntries} dl {_dl} rdl {regionEnd}");

        var entry = new RpmHeaderEntry(tag, type, offset, count, trailer.ToArray());
        return (entry, (int)regionEntries, regionEnd);
    }

    /// <summary>hdrblobVerifyInfo for one entry, plus the packing rule (offset = previous end, aligned).</summary>
    private void VerifyEntry(int i, int tag, RpmTagType type, int offset, int count, long packedOffset, long previousEnd)
    {
        string where = $"tag[{i}] {tag} type {(int)type} offset {offset} count {count}";
        if (tag < MinEntryTag)
            throw Bad($"{where}: tag number below {MinEntryTag}");
        if (type is < RpmTagType.Char or > RpmTagType.I18NString)
            throw Bad($"{where}: unknown type");
        if (count < 1 || (type is not (RpmTagType.Bin or RpmTagType.Char) && count > MaxArrayCount))
            throw Bad($"{where}: count out of range");
        if (type == RpmTagType.String && count != 1)
            throw Bad($"{where}: STRING must have count 1");
        if (offset < 0 || offset >= _dl)
            throw Bad($"{where}: offset outside the data store ({_dl} bytes)");
        if (offset % AlignmentOf(type) != 0)
            throw Bad($"{where}: offset not aligned to {AlignmentOf(type)}");
        if (offset < previousEnd)
            throw Bad($"{where}: overlaps the previous entry's data (ends at {previousEnd})");
        if (packedOffset >= 0 && offset != packedOffset)
            throw Bad($"{where}: data not packed in index order (expected offset {packedOffset})");
        if (!_isSignature && !RpmMainTagTypes.Accepts(tag, type))
            throw Bad($"{where}: wrong type for this tag");
    }

    /// <summary>Decodes an entry's value, checking it ends at or before <paramref name="limit"/>.</summary>
    private (object Value, long End) DecodeValue(int tag, RpmTagType type, int offset, int count, long limit)
    {
        if (offset > limit)
            throw Bad($"tag {tag}: data at offset {offset} lies past {limit} (region trailer or end of data)");
        if (IsStringType(type))
        {
            // Every string takes at least its NUL byte: a count the bytes cannot hold is refused before allocating.
            if (count > limit - offset)
                throw Bad($"tag {tag}: {count} strings cannot fit in {limit - offset} bytes");
            var strings = new string[count];
            long position = offset;
            for (int k = 0; k < count; k++)
            {
                int length = _raw.AsSpan(_dataStart + (int)position, (int)(limit - position)).IndexOf((byte)0);
                if (length < 0)
                    throw Bad($"tag {tag}: string {k} of {count} is not NUL-terminated inside the data store");
                // rpm strings are bytes; decoding with replacement keeps odd encodings visible without failing.
                strings[k] = Encoding.UTF8.GetString(_raw, _dataStart + (int)position, length);
                position += length + 1;
            }
            return (type == RpmTagType.String ? strings[0] : strings, position);
        }

        long byteLength = (long)count * ElementSize(type);
        if (offset + byteLength > limit)
            throw Bad($"tag {tag}: {byteLength} data bytes at offset {offset} run past {limit}");
        ReadOnlySpan<byte> data = _raw.AsSpan(_dataStart + offset, (int)byteLength);
        object value = type switch
        {
            RpmTagType.Int16 => ReadArray(data, sizeof(short), BinaryPrimitives.ReadInt16BigEndian),
            RpmTagType.Int32 => ReadArray(data, sizeof(int), BinaryPrimitives.ReadInt32BigEndian),
            RpmTagType.Int64 => ReadArray(data, sizeof(long), BinaryPrimitives.ReadInt64BigEndian),
            _ => data.ToArray(),
        };
        return (value, offset + byteLength);
    }

    private delegate T SpanReader<out T>(ReadOnlySpan<byte> source);

    private static T[] ReadArray<T>(ReadOnlySpan<byte> data, int size, SpanReader<T> read)
    {
        var values = new T[data.Length / size];
        for (int k = 0; k < values.Length; k++)
            values[k] = read(data.Slice(k * size, size));
        return values;
    }

    private (int Tag, RpmTagType Type, int Offset, int Count) IndexEntry(int i)
    {
        ReadOnlySpan<byte> at = _raw.AsSpan(PreambleLength + i * IndexEntryLength, IndexEntryLength);
        uint type = BinaryPrimitives.ReadUInt32BigEndian(at[EntryTypeOffset..]);
        uint count = BinaryPrimitives.ReadUInt32BigEndian(at[EntryCountOffset..]);
        return (BinaryPrimitives.ReadInt32BigEndian(at[EntryTagOffset..]),
            (RpmTagType)unchecked((int)type), // out-of-range values are rejected by the type checks
            BinaryPrimitives.ReadInt32BigEndian(at[EntryDataOffset..]),
            count > int.MaxValue ? -1 : (int)count);
    }

    private InvalidDataException Bad(string reason) => new($"{_what}: {reason}");
}
