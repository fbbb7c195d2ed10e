namespace Pkgify.Core.Reading;

/// <summary>One file as an rpm main header lists it (formats.md §2.7), decoded from the per-file arrays.</summary>
/// <param name="Index">Position in the per-file arrays (the stripped payload's file index).</param>
/// <param name="Path">Absolute install path (DIRNAMES[DIRINDEXES[i]] + BASENAMES[i]).</param>
/// <param name="Mode">Full <c>st_mode</c> (type bits and permissions).</param>
/// <param name="Size">FILESIZES / LONGFILESIZES.</param>
/// <param name="MTime">FILEMTIMES, seconds since the epoch.</param>
/// <param name="Digest">FILEDIGESTS entry, "" when none.</param>
/// <param name="LinkTarget">FILELINKTOS entry, "" when none.</param>
/// <param name="Flags">FILEFLAGS bits.</param>
/// <param name="Owner">FILEUSERNAME.</param>
/// <param name="Group">FILEGROUPNAME.</param>
/// <param name="HardlinkSet">Identity shared by the members of a hardlink set (FILEDEVICES, FILEINODES).</param>
/// <param name="CarriesData">
/// False for every member of a hardlink set but the last: rpm stores the set's data on its last member and
/// nothing on the others (formats.md §2.10).
/// </param>
public sealed record RpmListedFile(
    int Index,
    string Path,
    int Mode,
    long Size,
    long MTime,
    string Digest,
    string LinkTarget,
    int Flags,
    string Owner,
    string Group,
    (long Device, long Inode) HardlinkSet,
    bool CarriesData)
{
    // st_mode type bits (inode(7)).
    private const int TypeMask = 0xF000, TypeRegular = 0x8000, TypeDirectory = 0x4000, TypeSymlink = 0xA000;

    /// <summary>A regular file (hardlinked or not).</summary>
    public bool IsRegular => (Mode & TypeMask) == TypeRegular;

    /// <summary>A directory.</summary>
    public bool IsDirectory => (Mode & TypeMask) == TypeDirectory;

    /// <summary>A symbolic link.</summary>
    public bool IsSymlink => (Mode & TypeMask) == TypeSymlink;

    /// <summary>
    /// Content bytes the payload holds for this file: regular files that carry their set's data and symlinks
    /// (the target) hold their size; everything else nothing.
    /// </summary>
    public long PayloadSize => IsSymlink || IsRegular && CarriesData ? Size : 0;
}
