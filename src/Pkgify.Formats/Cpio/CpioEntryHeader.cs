namespace Pkgify.Formats.Cpio;

/// <summary>
/// The metadata of one SVR4 "newc" cpio member (`man 5 cpio`, "New ASCII Format"). All numbers are stored as
/// 8 hex digits, so every field is limited to 32 bits; <see cref="Size"/> and <see cref="MTime"/> are
/// <see cref="long"/> only so that callers need no casts (values above <see cref="uint.MaxValue"/> are refused).
/// </summary>
/// <param name="Name">Member name as stored, e.g. <c>./usr/bin/foo</c> (rpm writes <c>./</c> + absolute path).</param>
/// <param name="Mode">Full <c>st_mode</c>: file type bits plus permissions (e.g. 0100644, 040755, 0120777).</param>
/// <param name="Size">Data length in bytes (symlinks: length of the target).</param>
/// <param name="MTime">Modification time, seconds since the epoch.</param>
/// <param name="Inode">Inode number; members of one hardlink set share it.</param>
/// <param name="NLink">Link count; the size of the hardlink set for hardlinked members.</param>
/// <param name="Uid">Numeric owner (informative for rpm, which uses FILEUSERNAME).</param>
/// <param name="Gid">Numeric group (informative for rpm, which uses FILEGROUPNAME).</param>
/// <param name="DevMajor">Major number of the device holding the file.</param>
/// <param name="DevMinor">Minor number of the device holding the file.</param>
/// <param name="RdevMajor">Major number of a device node.</param>
/// <param name="RdevMinor">Minor number of a device node.</param>
public sealed record CpioEntryHeader(string Name, int Mode, long Size, long MTime,
    int Inode = 0, int NLink = 1, int Uid = 0, int Gid = 0, int DevMajor = 0, int DevMinor = 0,
    int RdevMajor = 0, int RdevMinor = 0);
