namespace Pkgify.Formats.Tar;

/// <summary>
/// Numeric header fields. GNU tar writes zero-padded octal with a terminating NUL (so a field of n bytes holds
/// n-1 digits); a value that does not fit (a size of 8 GiB or more, a uid over 2097151, a negative mtime) is
/// written in GNU base-256: the field is a big-endian two's complement number whose first byte has its top bit
/// set as a marker (GNU tar manual, "Basic Tar Format"; deb(5) relies on it for sizes over 8 GiB).
/// </summary>
internal static class TarNumericField
{
    private const byte Base256Marker = 0x80;
    private const byte Base256SignBit = 0x40;
    private const int OctalDigitBits = 3;
    private const int BitsPerByte = 8;

    /// <summary>Writes <paramref name="value"/> into <paramref name="field"/> the way GNU tar --format=gnu does.</summary>
    public static void Write(Span<byte> field, long value)
    {
        if (FitsOctal(field.Length, value))
        {
            WriteOctal(field, value);
        }
        else
        {
            WriteBase256(field, value);
        }
    }

    /// <summary>True when <paramref name="value"/> fits in a NUL-terminated octal field of <paramref name="length"/> bytes.</summary>
    public static bool FitsOctal(int length, long value) =>
        value >= 0 && value >> (OctalDigitBits * (length - 1)) == 0;

    /// <summary>Zero-padded octal digits filling all but the last byte, then NUL.</summary>
    public static void WriteOctal(Span<byte> field, long value)
    {
        field[^1] = 0;
        for (var i = field.Length - 2; i >= 0; i--)
        {
            field[i] = (byte)('0' + (value & 7));
            value >>= OctalDigitBits;
        }
    }

    private static void WriteBase256(Span<byte> field, long value)
    {
        // Two's complement over the whole field: sign-extend the 64-bit value into any leading bytes.
        for (var i = field.Length - 1; i >= 0; i--)
        {
            field[i] = (byte)value;
            value >>= BitsPerByte;
        }

        field[0] |= Base256Marker;
    }

    /// <summary>
    /// Reads an octal or base-256 field. Octal may have leading spaces and ends at a NUL or space; an empty field
    /// is 0. Anything else is <see cref="InvalidDataException"/> naming <paramref name="what"/>.
    /// </summary>
    public static long Parse(ReadOnlySpan<byte> field, string what)
    {
        return (field[0] & Base256Marker) != 0 ? ParseBase256(field, what) : ParseOctal(field, what);
    }

    private static long ParseBase256(ReadOnlySpan<byte> field, string what)
    {
        // At most 12 bytes (96 bits) in any tar numeric field, so Int128 cannot overflow while accumulating.
        Int128 value = field[0] & ~Base256Marker & 0xFF;
        foreach (var b in field[1..])
        {
            value = (value << BitsPerByte) | b;
        }

        if ((field[0] & Base256SignBit) != 0)
        {
            value -= Int128.One << ((BitsPerByte * field.Length) - 1);
        }

        if (value < long.MinValue || value > long.MaxValue)
        {
            throw new InvalidDataException($"{what}: base-256 number out of range");
        }

        return (long)value;
    }

    private static long ParseOctal(ReadOnlySpan<byte> field, string what)
    {
        var i = 0;
        while (i < field.Length && field[i] == (byte)' ')
        {
            i++;
        }

        long value = 0;
        var digits = 0;
        for (; i < field.Length && field[i] is >= (byte)'0' and <= (byte)'7'; i++, digits++)
        {
            value = (value << OctalDigitBits) | (long)(field[i] - '0');
        }

        for (; i < field.Length; i++)
        {
            if (field[i] is not (0 or (byte)' '))
            {
                throw new InvalidDataException($"{what}: invalid octal number");
            }
        }

        // A 12-byte field holds at most 12 digits = 36 bits, so value cannot overflow.
        return digits == 0 ? 0 : value;
    }
}
