namespace Pkgify.Formats.Rpm;

/// <summary>
/// A parsed and validated rpm header (signature or main). Values are decoded; <see cref="RawBytes"/> keeps the
/// header exactly as stored, from its magic to its last data byte, which is what SHA1 (269), SHA256 (273) and
/// OpenPGP header signatures cover (formats.md §2.5).
/// </summary>
public sealed class RpmHeader
{
    private readonly Dictionary<int, RpmHeaderEntry> _byTag;

    private RpmHeader(byte[] rawBytes, List<RpmHeaderEntry> entries)
    {
        RawBytes = rawBytes;
        Entries = entries;
        _byTag = entries.ToDictionary(e => e.Tag);
    }

    /// <summary>All entries in index order, the region entry (tag 62 or 63) first.</summary>
    public IReadOnlyList<RpmHeaderEntry> Entries { get; }

    /// <summary>The header bytes as stored: magic, il, dl, index, data.</summary>
    public byte[] RawBytes { get; }

    /// <summary>
    /// Reads one header from the current position of <paramref name="input"/> (for a signature header, the
    /// trailing pad to 8 bytes is left unread; see <see cref="RpmSignatureHeader.PaddingFor"/>). Validates as rpm
    /// 4.18 does: magic, il/dl limits, the region entry and its trailer (−16·il; the main header's region must span
    /// the whole header), offsets inside the data store, data packed in index order with type alignment and no
    /// overlap, counts, NUL-terminated strings, no duplicate tags, and for the main header the types of known tags.
    /// </summary>
    /// <param name="input">Stream positioned at the header magic.</param>
    /// <param name="isSignature">True for the signature header (region 62), false for the main header (63).</param>
    /// <param name="limits">Bounds on il/dl; default: rpm's own limits for that header kind.</param>
    /// <exception cref="InvalidDataException">The header is truncated or damaged.</exception>
    public static RpmHeader Read(Stream input, bool isSignature, RpmReadLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        limits ??= isSignature ? RpmReadLimits.Signature : RpmReadLimits.Main;
        var (raw, entries) = RpmHeaderParser.Read(input, isSignature, limits);
        return new RpmHeader(raw, entries);
    }

    /// <summary>True when the header has an entry for <paramref name="tag"/>.</summary>
    public bool Has(int tag) => _byTag.ContainsKey(tag);

    /// <summary>The entry for <paramref name="tag"/>, or null.</summary>
    public RpmHeaderEntry? GetEntry(int tag) => _byTag.GetValueOrDefault(tag);

    /// <summary>
    /// A string value, or null when absent. For STRING_ARRAY / I18NSTRING the first element (rpm treats the string
    /// types as interchangeable; I18NSTRING's first element is locale "C").
    /// </summary>
    /// <exception cref="InvalidDataException">The tag is stored with a non-string type.</exception>
    public string? GetString(int tag) => GetEntry(tag)?.Value switch
    {
        null => null,
        string s => s,
        string[] a => a[0],
        _ => throw WrongType(tag, "a string"),
    };

    /// <summary>A string array (a STRING gives one element); empty when absent.</summary>
    /// <exception cref="InvalidDataException">The tag is stored with a non-string type.</exception>
    public IReadOnlyList<string> GetStringArray(int tag) => GetEntry(tag)?.Value switch
    {
        null => [],
        string s => [s],
        string[] a => a,
        _ => throw WrongType(tag, "strings"),
    };

    /// <summary>
    /// Integer values, empty when absent. INT8/INT16/INT32 are read as unsigned, as rpm prints them
    /// (FILEMODES 0100644 is 33188, FILEVERIFYFLAGS 0xFFFFFFFF is 4294967295); INT64 as signed.
    /// </summary>
    /// <exception cref="InvalidDataException">The tag is stored with a non-integer type.</exception>
    public IReadOnlyList<long> GetIntegers(int tag)
    {
        var entry = GetEntry(tag);
        return (entry?.Type, entry?.Value) switch
        {
            (null, _) => [],
            (RpmTagType.Int8, byte[] b) => Array.ConvertAll(b, v => (long)v),
            (RpmTagType.Int16, short[] v) => Array.ConvertAll(v, x => (long)(ushort)x),
            (RpmTagType.Int32, int[] v) => Array.ConvertAll(v, x => (long)(uint)x),
            (RpmTagType.Int64, long[] v) => v,
            _ => throw WrongType(tag, "integers"),
        };
    }

    /// <summary>The first integer of <paramref name="tag"/> (see <see cref="GetIntegers"/>), or null when absent.</summary>
    public long? GetInteger(int tag)
    {
        var values = GetIntegers(tag);
        return values.Count == 0 ? null : values[0];
    }

    /// <summary>The bytes of a BIN, CHAR or INT8 entry, or null when absent.</summary>
    /// <exception cref="InvalidDataException">The tag is stored with another type.</exception>
    public byte[]? GetBin(int tag) => GetEntry(tag)?.Value switch
    {
        null => null,
        byte[] b => (byte[])b.Clone(),
        _ => throw WrongType(tag, "binary data"),
    };

    private InvalidDataException WrongType(int tag, string wanted) =>
        new($"rpm header: tag {tag} is stored as {_byTag[tag].Type}, not {wanted}");
}
