using Mono.Unix;
using Mono.Unix.Native;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Staging;

/// <summary>
/// Turns a directory tree on the build host into package files under an install prefix. Uses lstat so
/// symlinks are kept as links and never followed out of the tree; hardlinks are found by device and inode.
/// Entries are visited in sorted name order so nothing depends on the file system's directory order, and
/// ownership is never taken from the build host (files default to root:root).
/// </summary>
public static class TreeScanner
{
    /// <summary>Scans <paramref name="treeRoot"/> into files under <paramref name="prefix"/>.</summary>
    /// <param name="exclude">Called with each path relative to the tree ('/'-separated) and whether it is a
    /// directory; true leaves it (and, for a directory, everything below) out.</param>
    public static IReadOnlyList<PackageFile> Scan(string treeRoot, string prefix, Func<string, bool, bool>? exclude = null)
    {
        var root = Path.GetFullPath(treeRoot);
        if (!Directory.Exists(root))
            throw new UsageException($"tree '{Printable.Escape(treeRoot)}': no such directory: give the path of the directory to package");
        var installPrefix = PathRules.NormalizePrefix(prefix);
        var result = new List<PackageFile>();
        var firstOfInode = new Dictionary<(ulong Dev, ulong Ino), string>();

        if (installPrefix != "/")
            result.Add(DirectoryEntry(installPrefix, Stat(root)));
        new Walker(result, firstOfInode, exclude).Walk(root, "", installPrefix);
        return result;
    }

    private sealed record Walker(List<PackageFile> Result, Dictionary<(ulong, ulong), string> FirstOfInode, Func<string, bool, bool>? Exclude)
    {
        public void Walk(string dir, string relDir, string installDir)
        {
            // The enumeration gives each entry's full path already: kept as the host path, with its name for the sort.
            var entries = Directory.EnumerateFileSystemEntries(dir).Select(p => (Name: Path.GetFileName(p), HostPath: p))
                .OrderBy(e => e.Name, Utf8PathComparer.Instance);
            foreach (var (name, hostPath) in entries)
            {
                // The relative path is only for the exclude test: not built without one (pack).
                var relPath = Exclude is null ? "" : relDir.Length == 0 ? name : relDir + "/" + name;
                var installPath = installDir == "/" ? "/" + name : installDir + "/" + name;
                if (name.Contains('\uFFFD'))
                {
                    var shown = RawFileName.Display(dir, name) is { } raw ? $"{Printable.Escape(dir)}/{raw}" : Printable.Escape(hostPath);
                    throw new UsageException($"file '{shown}': the name is not valid UTF-8 (shown with \\xNN for its raw bytes): rename it, e.g. with convmv");
                }
                var st = Stat(hostPath);
                if (Exclude is not null && Exclude(relPath, (st.st_mode & FilePermissions.S_IFMT) == FilePermissions.S_IFDIR))
                    continue;
                switch (st.st_mode & FilePermissions.S_IFMT)
                {
                    case FilePermissions.S_IFDIR:
                        Result.Add(DirectoryEntry(installPath, st));
                        Walk(hostPath, relPath, installPath);
                        break;
                    case FilePermissions.S_IFLNK:
                        Result.Add(new PackageFile(installPath, FileKind.Symlink, 0x1FF, st.st_mtime,
                            LinkTarget: UnixPath.ReadLink(hostPath)));
                        break;
                    case FilePermissions.S_IFREG:
                        Result.Add(RegularEntry(hostPath, installPath, st, FirstOfInode));
                        break;
                    default:
                        throw new UsageException(
                            $"file '{Printable.Escape(hostPath)}': is a {KindName(st.st_mode)}: only regular files, directories and symlinks can be packaged; remove it from the tree");
                }
            }
        }
    }

    private static PackageFile RegularEntry(string hostPath, string installPath, Stat st, Dictionary<(ulong, ulong), string> firstOfInode)
    {
        var mode = Permissions(st);
        if (st.st_nlink > 1)
        {
            var key = (st.st_dev, st.st_ino);
            if (firstOfInode.TryGetValue(key, out var first))
                return new PackageFile(installPath, FileKind.Hardlink, mode, st.st_mtime, st.st_size,
                    new DiskFileSource(hostPath), LinkTarget: first);
            firstOfInode[key] = installPath;
        }
        return new PackageFile(installPath, FileKind.Regular, mode, st.st_mtime, st.st_size, new DiskFileSource(hostPath));
    }

    private static PackageFile DirectoryEntry(string installPath, Stat st) =>
        new(installPath, FileKind.Directory, Permissions(st), st.st_mtime);

    private static int Permissions(Stat st) => (int)((uint)st.st_mode & 0xFFF);

    private static Stat Stat(string path)
    {
        if (Syscall.lstat(path, out var st) != 0)
            throw new UsageException($"file '{Printable.Escape(path)}': cannot be read ({Stdlib.GetLastError()}): check its permissions");
        return st;
    }

    private static string KindName(FilePermissions mode) => (mode & FilePermissions.S_IFMT) switch
    {
        FilePermissions.S_IFSOCK => "socket",
        FilePermissions.S_IFIFO => "FIFO",
        FilePermissions.S_IFCHR => "character device",
        FilePermissions.S_IFBLK => "block device",
        _ => "special file",
    };
}
