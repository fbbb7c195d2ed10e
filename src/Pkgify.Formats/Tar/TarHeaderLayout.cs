namespace Pkgify.Formats.Tar;

/// <summary>
/// Byte layout of a 512-byte tar header block: the POSIX ustar fields (offsets and lengths as listed in
/// glibc's &lt;tar.h&gt;) and the GNU extension fields that occupy the ustar prefix area in GNU format
/// (GNU tar manual, "Basic Tar Format", <c>struct oldgnu_header</c>).
/// </summary>
internal static class TarHeaderLayout
{
    public const int BlockSize = 512;

    /// <summary>Number of zero bytes that pad <paramref name="size"/> content bytes to a whole block.</summary>
    public static int PaddingFor(long size) => (int)((BlockSize - (size % BlockSize)) % BlockSize);

    public const int NameOffset = 0;
    public const int NameLength = 100;
    public const int ModeOffset = 100;
    public const int ModeLength = 8;
    public const int UidOffset = 108;
    public const int UidLength = 8;
    public const int GidOffset = 116;
    public const int GidLength = 8;
    public const int SizeOffset = 124;
    public const int SizeLength = 12;
    public const int MTimeOffset = 136;
    public const int MTimeLength = 12;
    public const int ChecksumOffset = 148;
    public const int ChecksumLength = 8;
    public const int TypeFlagOffset = 156;
    public const int LinkNameOffset = 157;
    public const int LinkNameLength = 100;
    public const int MagicOffset = 257;
    public const int MagicLength = 6;
    public const int VersionOffset = 263;
    public const int VersionLength = 2;
    public const int UserNameOffset = 265;
    public const int UserNameLength = 32;
    public const int GroupNameOffset = 297;
    public const int GroupNameLength = 32;
    public const int DevMajorOffset = 329;
    public const int DevMajorLength = 8;
    public const int DevMinorOffset = 337;
    public const int DevMinorLength = 8;

    /// <summary>POSIX ustar only: directory part of a long name, joined to the name with '/'.</summary>
    public const int PrefixOffset = 345;
    public const int PrefixLength = 155;

    // GNU format reuses the prefix area for atime (345, 12) and ctime (357, 12), then offset, longnames, sparse
    // map, isextended and realsize. We leave all of them zero, as GNU tar does unless --incremental or sparse
    // files are involved, so output does not depend on access or change times.

    /// <summary>GNU magic and version together: "ustar  \0" (two spaces, NUL) spanning offsets 257–264.</summary>
    public static ReadOnlySpan<byte> GnuMagicAndVersion => "ustar  \0"u8;

    /// <summary>POSIX magic "ustar\0" (6 bytes at 257), followed by version "00".</summary>
    public static ReadOnlySpan<byte> UstarMagic => "ustar\0"u8;

    /// <summary>Name of GNU tar's long name/long link pseudo entries (types 'L' and 'K').</summary>
    public const string GnuLongLinkName = "././@LongLink";
}
