namespace Pkgify.Formats.Ar;

/// <summary>
/// The common System V / GNU ar layout used by .deb files (deb(5); formats.md §1.1): a global magic, then per
/// member a 60-byte ASCII header, the data and one pad byte after odd-sized data.
/// </summary>
internal static class ArHeaderLayout
{
    public static ReadOnlySpan<byte> GlobalMagic => "!<arch>\n"u8;

    public const int HeaderSize = 60;
    public const int NameOffset = 0;
    public const int NameLength = 16;
    public const int MTimeOffset = 16;
    public const int MTimeLength = 12;
    public const int UidOffset = 28;
    public const int UidLength = 6;
    public const int GidOffset = 34;
    public const int GidLength = 6;
    public const int ModeOffset = 40;
    public const int ModeLength = 8;
    public const int SizeOffset = 48;
    public const int SizeLength = 10;
    public const int MagicOffset = 58;

    /// <summary>Every member header ends with a backquote and a newline.</summary>
    public static ReadOnlySpan<byte> MemberMagic => "`\n"u8;

    /// <summary>dpkg-deb pads odd-sized members with a newline (lib/dpkg/ar.c).</summary>
    public const byte PadByte = (byte)'\n';

    /// <summary>Names are limited to 15 characters, leaving room for GNU ar's trailing '/' (deb(5)).</summary>
    public const int MaxNameLength = 15;

    /// <summary>The largest size that fits the 10-digit decimal field.</summary>
    public const long MaxSize = 9_999_999_999;

    /// <summary>The largest mtime that fits the 12-digit decimal field.</summary>
    public const long MaxMTime = 999_999_999_999;

    /// <summary>Mode dpkg-deb writes for every member: a regular file, 0644 (octal 100644).</summary>
    public const int MemberMode = 0x81A4;

    /// <summary>Bytes of padding after <paramref name="size"/> bytes of member data.</summary>
    public static int PaddingFor(long size) => (int)(size & 1);
}
