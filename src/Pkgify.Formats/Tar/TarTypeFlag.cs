namespace Pkgify.Formats.Tar;

/// <summary>Typeflag bytes (offset 156) from &lt;tar.h&gt; plus the GNU and PAX meta entry types.</summary>
internal static class TarTypeFlag
{
    public const byte RegularV7 = 0;
    public const byte Regular = (byte)'0';
    public const byte Hardlink = (byte)'1';
    public const byte Symlink = (byte)'2';
    public const byte CharDevice = (byte)'3';
    public const byte BlockDevice = (byte)'4';
    public const byte Directory = (byte)'5';
    public const byte Fifo = (byte)'6';

    /// <summary>Contiguous file: POSIX says readers without special support treat it as a regular file.</summary>
    public const byte Contiguous = (byte)'7';

    /// <summary>GNU: the content is the full name of the next entry.</summary>
    public const byte GnuLongName = (byte)'L';

    /// <summary>GNU: the content is the full link target of the next entry.</summary>
    public const byte GnuLongLink = (byte)'K';

    /// <summary>PAX: extended records for the next entry.</summary>
    public const byte PaxExtended = (byte)'x';

    /// <summary>PAX: extended records for all following entries.</summary>
    public const byte PaxGlobal = (byte)'g';

    /// <summary>The typeflag written for an entry type; <see cref="TarEntryType.Other"/> has none.</summary>
    public static byte ForType(TarEntryType type) => type switch
    {
        TarEntryType.Regular => Regular,
        TarEntryType.Directory => Directory,
        TarEntryType.Symlink => Symlink,
        TarEntryType.Hardlink => Hardlink,
        TarEntryType.CharDevice => CharDevice,
        TarEntryType.BlockDevice => BlockDevice,
        TarEntryType.Fifo => Fifo,
        _ => throw new ArgumentException($"tar entry type {type} cannot be written", nameof(type)),
    };

    /// <summary>The entry type of a typeflag read from an archive (meta types are handled before this).</summary>
    public static TarEntryType ToType(byte flag) => flag switch
    {
        RegularV7 or Regular or Contiguous => TarEntryType.Regular,
        Directory => TarEntryType.Directory,
        Symlink => TarEntryType.Symlink,
        Hardlink => TarEntryType.Hardlink,
        CharDevice => TarEntryType.CharDevice,
        BlockDevice => TarEntryType.BlockDevice,
        Fifo => TarEntryType.Fifo,
        _ => TarEntryType.Other,
    };
}
