using Pkgify.Core.Model;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// One file of the rpm's file arrays (formats.md §2.7), in header order: the model's file plus what rpm derives
/// from it.
/// </summary>
/// <param name="File">The model's entry.</param>
/// <param name="Index">Position in every per-file header array (and the stripped payload's file index).</param>
/// <param name="DirIndex">Index of its directory in DIRNAMES.</param>
/// <param name="BaseName">Last path component (BASENAMES).</param>
/// <param name="Mode">Full <c>st_mode</c>: file type bits plus permissions (FILEMODES).</param>
/// <param name="Inode">FILEINODES value and cpio ino, shared by all members of a hardlink set (<see cref="RpmInodeNumbers"/>).</param>
/// <param name="LinkCount">Members of its hardlink set, 1 for everything else (the cpio <c>nlink</c>).</param>
/// <param name="CarriesData">
/// False for the members of a hardlink set except the last in payload order: rpm puts the data on the last
/// member only (formats.md §2.10).
/// </param>
/// <param name="RpmFlags">FILEFLAGS bits (%config, %config(noreplace), %doc, %license).</param>
internal sealed record RpmFileEntry(
    PackageFile File,
    int Index,
    int DirIndex,
    string BaseName,
    int Mode,
    int Inode,
    int LinkCount,
    bool CarriesData,
    int RpmFlags)
{
    /// <summary>The member name in the payload: <c>./</c> + the path without its leading slash ("PayloadFilesHavePrefix").</summary>
    public string PayloadName => "./" + File.RelativePath;

    /// <summary>Member of a hardlink set.</summary>
    public bool IsHardlinked => LinkCount > 1;

    /// <summary>Bytes of content in the payload: the file's size for regular files and symlinks, 0 for the rest.</summary>
    public long PayloadSize => !CarriesData ? 0 : File.Kind switch
    {
        FileKind.Directory => 0,
        _ => File.Size,
    };
}
