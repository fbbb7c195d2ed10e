namespace Pkgify.Formats.Tar;

/// <summary>Metadata of one tar entry.</summary>
/// <param name="Name">Path inside the archive, e.g. <c>./usr/bin/foo</c>; directories end with '/'.</param>
/// <param name="Type">Kind of the entry.</param>
/// <param name="Mode">Permission bits (0 to 07777), without file type bits.</param>
/// <param name="MTime">Modification time in seconds since the Unix epoch (may be negative).</param>
/// <param name="Size">Content size in bytes; 0 for everything but regular files.</param>
/// <param name="Uid">Numeric owner.</param>
/// <param name="Gid">Numeric group.</param>
/// <param name="UserName">Owner name (at most 31 UTF-8 bytes).</param>
/// <param name="GroupName">Group name (at most 31 UTF-8 bytes).</param>
/// <param name="LinkName">Target of a symlink or hardlink; empty otherwise.</param>
public sealed record TarEntryHeader(
    string Name,
    TarEntryType Type,
    int Mode,
    long MTime,
    long Size,
    long Uid = 0,
    long Gid = 0,
    string UserName = "root",
    string GroupName = "root",
    string LinkName = "");
