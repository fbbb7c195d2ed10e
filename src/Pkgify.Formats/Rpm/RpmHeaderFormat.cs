namespace Pkgify.Formats.Rpm;

/// <summary>
/// Layout constants of the rpm header structure shared by the signature and main headers
/// (`rpm: docs/manual/format_header.md`, `lib/header.c` @4.18; formats.md §2.3).
/// </summary>
internal static class RpmHeaderFormat
{
    /// <summary>Header magic: 8E AD E8, version 01, then 4 reserved zero bytes (rpm compares all 8).</summary>
    public static ReadOnlySpan<byte> Magic => [0x8E, 0xAD, 0xE8, 0x01, 0x00, 0x00, 0x00, 0x00];

    /// <summary>Magic (8) + il (4) + dl (4).</summary>
    public const int PreambleLength = 16;
    /// <summary>Offset of il inside the preamble.</summary>
    public const int IndexCountOffset = 8;
    /// <summary>Offset of dl inside the preamble.</summary>
    public const int DataLengthOffset = 12;

    /// <summary>Each index entry: tag, type, offset, count — four big-endian 32-bit words.</summary>
    public const int IndexEntryLength = 16;
    /// <summary>Offsets of the four words inside an index entry (the region trailer uses the same layout).</summary>
    public const int EntryTagOffset = 0, EntryTypeOffset = 4, EntryDataOffset = 8, EntryCountOffset = 12;

    /// <summary>The region trailer is 16 bytes and the region entry's count is 16 (REGION_TAG_COUNT).</summary>
    public const int RegionTrailerLength = 16;

    /// <summary>Lowest tag allowed for an ordinary entry (HEADER_I18NTABLE; lower numbers are region/internal tags).</summary>
    public const int MinEntryTag = RpmTags.HeaderI18NTable;

    /// <summary>Most elements of a non-BIN array (formats.md §2.3 rule 5).</summary>
    public const int MaxArrayCount = 0xFFFFF;

    /// <summary>Signature header limits (`hdrblobVerifyLengths`): 32 entries, 64 MiB of data.</summary>
    public const int SignatureMaxEntries = 32, SignatureMaxData = 64 << 20;

    /// <summary>Main header limits: 65535 entries, 256 MiB of data.</summary>
    public const int MainMaxEntries = 65535, MainMaxData = 256 << 20;

    /// <summary>Alignment of a type's data start, relative to the start of the data store (§2.3 rule 3).</summary>
    public static int AlignmentOf(RpmTagType type) => type switch
    {
        RpmTagType.Int16 => 2,
        RpmTagType.Int32 => 4,
        RpmTagType.Int64 => 8,
        _ => 1,
    };

    /// <summary>Size of one element for fixed-size types; 0 for string types.</summary>
    public static int ElementSize(RpmTagType type) => type switch
    {
        RpmTagType.Char or RpmTagType.Int8 or RpmTagType.Bin => 1,
        RpmTagType.Int16 => 2,
        RpmTagType.Int32 => 4,
        RpmTagType.Int64 => 8,
        _ => 0,
    };

    /// <summary>True for STRING, STRING_ARRAY and I18NSTRING.</summary>
    public static bool IsStringType(RpmTagType type) =>
        type is RpmTagType.String or RpmTagType.StringArray or RpmTagType.I18NString;

    /// <summary>Rounds <paramref name="offset"/> up to the alignment of <paramref name="type"/>.</summary>
    public static long Align(long offset, RpmTagType type)
    {
        int alignment = AlignmentOf(type);
        return (offset + alignment - 1) / alignment * alignment;
    }
}
