namespace Pkgify.Formats.Rpm;

/// <summary>
/// One parsed header index entry with its decoded value: <c>byte[]</c> for CHAR, INT8 and BIN (and the region
/// entry, whose value is its 16-byte trailer), <c>short[]</c> / <c>int[]</c> / <c>long[]</c> for INT16 / INT32
/// / INT64, <c>string</c> for STRING, <c>string[]</c> for STRING_ARRAY and I18NSTRING.
/// </summary>
/// <param name="Tag">Tag number (see <see cref="RpmTags"/>).</param>
/// <param name="Type">Stored type.</param>
/// <param name="Offset">Offset of the data in the data store.</param>
/// <param name="Count">Stored count (elements, bytes for BIN/CHAR, 1 for STRING).</param>
/// <param name="Value">Decoded value, see above.</param>
public sealed record RpmHeaderEntry(int Tag, RpmTagType Type, int Offset, int Count, object Value);
