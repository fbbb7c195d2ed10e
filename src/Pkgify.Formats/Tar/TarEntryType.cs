namespace Pkgify.Formats.Tar;

/// <summary>Kind of a tar entry.</summary>
public enum TarEntryType
{
    /// <summary>A regular file (typeflag '0', NUL or '7').</summary>
    Regular,

    /// <summary>A directory (typeflag '5'); its name ends with '/'.</summary>
    Directory,

    /// <summary>A symbolic link (typeflag '2'); the target is in the link name.</summary>
    Symlink,

    /// <summary>A hard link to an earlier entry (typeflag '1'); the link name is that entry's name.</summary>
    Hardlink,

    /// <summary>A character device (typeflag '3').</summary>
    CharDevice,

    /// <summary>A block device (typeflag '4').</summary>
    BlockDevice,

    /// <summary>A FIFO (typeflag '6').</summary>
    Fifo,

    /// <summary>Any other typeflag (GNU sparse, volume, dumpdir...); readable, never written.</summary>
    Other,
}
