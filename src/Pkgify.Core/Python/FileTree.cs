using Mono.Unix;

namespace Pkgify.Core.Python;

/// <summary>
/// What a tree entry is; symbolic links are never followed. <see cref="Other"/> (FIFO, socket,
/// device) is never opened: reading a FIFO would block forever.
/// </summary>
internal enum FileTreeEntryKind { File, Directory, Symlink, Other }

/// <summary>One entry of a walked tree; <see cref="RelativePath"/> uses '/' and no leading './'.</summary>
internal sealed record FileTreeEntry(string FullPath, string RelativePath, FileTreeEntryKind Kind);

/// <summary>
/// Walks a directory tree in a fixed order (ordinal by name, parents before children) whatever
/// order the file system lists it in, without following symbolic links: a venv's `lib64 -> lib`
/// would otherwise be visited twice and a link to `/usr` would escape the tree.
/// </summary>
internal static class FileTree
{
    /// <summary>Every entry below <paramref name="root"/> (the root itself excluded).</summary>
    public static IEnumerable<FileTreeEntry> Walk(string root)
    {
        var pending = new Stack<(string Full, string Relative)>();
        pending.Push((root, ""));
        while (pending.Count > 0)
        {
            var (directory, relativeDirectory) = pending.Pop();
            var children = new DirectoryInfo(directory).GetFileSystemInfos();
            Array.Sort(children, (a, b) => string.CompareOrdinal(a.Name, b.Name));
            var subdirectories = new List<(string, string)>();
            foreach (var child in children)
            {
                var relative = relativeDirectory.Length == 0 ? child.Name : relativeDirectory + "/" + child.Name;
                var kind = KindOf(child);
                yield return new FileTreeEntry(child.FullName, relative, kind);
                if (kind == FileTreeEntryKind.Directory) subdirectories.Add((child.FullName, relative));
            }
            // Pushed in reverse so they pop in ordinal order.
            for (var i = subdirectories.Count - 1; i >= 0; i--) pending.Push(subdirectories[i]);
        }
    }

    /// <summary>The regular files below <paramref name="root"/>, in walk order.</summary>
    public static IEnumerable<FileTreeEntry> Files(string root) =>
        Walk(root).Where(e => e.Kind == FileTreeEntryKind.File);

    private static FileTreeEntryKind KindOf(FileSystemInfo info)
    {
        if (info.LinkTarget is not null) return FileTreeEntryKind.Symlink;
        if ((info.Attributes & FileAttributes.Directory) != 0) return FileTreeEntryKind.Directory;
        // .NET's attributes cannot tell a regular file from a FIFO or device; lstat can.
        return new UnixFileInfo(info.FullName).FileType == FileTypes.RegularFile
            ? FileTreeEntryKind.File
            : FileTreeEntryKind.Other;
    }
}
