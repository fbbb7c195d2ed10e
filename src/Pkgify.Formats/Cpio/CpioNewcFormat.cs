using System.Text;

namespace Pkgify.Formats.Cpio;

/// <summary>
/// Layout constants of the "newc" cpio format (`man 5 cpio`, "New ASCII Format") and of rpm's stripped variant
/// (`rpm: lib/cpio.c` rpmcpioStrippedHeaderWrite; formats.md §2.10).
/// </summary>
internal static class CpioNewcFormat
{
    /// <summary>Length of every magic string.</summary>
    public const int MagicLength = 6;

    /// <summary>"new ASCII" magic: no checksum (rpm and <c>cpio -H newc</c> write this).</summary>
    public static ReadOnlySpan<byte> MagicNewc => "070701"u8;

    /// <summary>"new ASCII with CRC" magic (<c>cpio -H crc</c>); same layout, check field = byte sum of data.</summary>
    public static ReadOnlySpan<byte> MagicCrc => "070702"u8;

    /// <summary>rpm's stripped header for payloads with files ≥ 4 GiB: magic + 8 hex digits of the file index.</summary>
    public static ReadOnlySpan<byte> MagicStripped => "07070X"u8;

    /// <summary>Width of every numeric field (8 hex digits, i.e. 32 bits).</summary>
    public const int FieldWidth = 8;

    /// <summary>Numeric fields after the magic: ino mode uid gid nlink mtime filesize devmajor devminor
    /// rdevmajor rdevminor namesize check.</summary>
    public const int FieldCount = 13;

    /// <summary>Full fixed header length: 6 + 13 × 8 = 110 bytes.</summary>
    public const int HeaderLength = MagicLength + FieldCount * FieldWidth;

    /// <summary>Stripped header length before padding: 6 + 8 = 14 bytes.</summary>
    public const int StrippedHeaderLength = MagicLength + FieldWidth;

    /// <summary>Names and data are each padded to this multiple, counted from the start of the archive.</summary>
    public const int Alignment = 4;

    /// <summary>Name of the end-of-archive member.</summary>
    public const string TrailerName = "TRAILER!!!";

    /// <summary>Longest accepted name including its NUL (Linux PATH_MAX); longer names cannot be created anyway.</summary>
    public const int MaxNameSize = 4096;

    /// <summary>Field positions, in the order they are stored.</summary>
    public const int FieldIno = 0, FieldMode = 1, FieldUid = 2, FieldGid = 3, FieldNLink = 4, FieldMTime = 5,
        FieldFileSize = 6, FieldDevMajor = 7, FieldDevMinor = 8, FieldRdevMajor = 9, FieldRdevMinor = 10,
        FieldNameSize = 11, FieldCheck = 12;

    /// <summary>Strict UTF-8 for names we write (an unpaired surrogate is a caller bug, not something to hide).</summary>
    public static readonly Encoding NameEncoding = new UTF8Encoding(false, true);

    /// <summary>Zero bytes needed after <paramref name="position"/> to reach the next 4-byte boundary.</summary>
    public static int PadTo4(long position) => (int)((Alignment - position % Alignment) % Alignment);

    /// <summary>Writes <paramref name="value"/> as 8 lowercase hex digits (rpm and GNU cpio use <c>%08lx</c>).</summary>
    public static void WriteHex(Span<byte> destination, uint value)
    {
        const string digits = "0123456789abcdef";
        for (int i = FieldWidth - 1; i >= 0; i--)
        {
            destination[i] = (byte)digits[(int)(value & 0xF)];
            value >>= 4;
        }
    }

    /// <summary>Parses exactly 8 hex digits (either case); anything else is damage.</summary>
    public static uint ParseHex(ReadOnlySpan<byte> field, string what)
    {
        uint value = 0;
        foreach (byte b in field[..FieldWidth])
        {
            int digit = b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => throw new InvalidDataException($"cpio: {what} is not 8 hex digits"),
            };
            value = (value << 4) | (uint)digit;
        }
        return value;
    }
}
