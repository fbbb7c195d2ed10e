using System.Security.Cryptography;
using Mono.Unix;
using Mono.Unix.Native;
using NUnit.Framework;

namespace Pkgify.TestSupport;

/// <summary>
/// Captures a file tree exactly as the kernel reports it (lstat: symlinks not followed),
/// so an extracted package can be compared with what went into it.
/// </summary>
public static class TreeSnapshot
{
    // Permission bits plus setuid/setgid/sticky (inode(7)).
    const int PermissionMask = 0b111_111_111_111;

    /// <summary>Every entry below <paramref name="root"/> (the root itself excluded), sorted ordinally by path.</summary>
    public static IReadOnlyList<TreeEntry> Capture(string root) =>
        Walk(root).Select(node => ToEntry(node.RelPath, node.FullPath, node.Stat))
            .OrderBy(e => e.RelPath, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Groups of regular-file paths below <paramref name="root"/> that share one inode
    /// (hard links), each sorted, groups ordered by their first path; single files are omitted.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<string>> HardlinkGroups(string root) =>
        Walk(root).Where(node => TypeOf(node.Stat) == 'f')
            .GroupBy(node => (node.Stat.st_dev, node.Stat.st_ino))
            .Where(group => group.Count() > 1)
            .Select(group => (IReadOnlyList<string>)group.Select(n => n.RelPath).OrderBy(p => p, StringComparer.Ordinal).ToList())
            .OrderBy(group => group[0], StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// Human-readable differences between two snapshots (empty when equal): "missing",
    /// "unexpected", or one line per differing field, for assertion messages.
    /// </summary>
    public static IReadOnlyList<string> Diff(IReadOnlyList<TreeEntry> expected, IReadOnlyList<TreeEntry> actual)
    {
        var want = expected.ToDictionary(e => e.RelPath, StringComparer.Ordinal);
        var got = actual.ToDictionary(e => e.RelPath, StringComparer.Ordinal);
        var differences = new List<string>();
        foreach (var path in want.Keys.Union(got.Keys).Order(StringComparer.Ordinal))
        {
            if (!got.TryGetValue(path, out var a))
                differences.Add($"missing: {want[path]}");
            else if (!want.TryGetValue(path, out var e))
                differences.Add($"unexpected: {a}");
            else
                differences.AddRange(FieldDifferences(e, a));
        }
        return differences;
    }

    /// <summary>Fails the test listing every difference unless the snapshots are equal.</summary>
    public static void AssertSame(IReadOnlyList<TreeEntry> expected, IReadOnlyList<TreeEntry> actual)
    {
        var differences = Diff(expected, actual);
        if (differences.Count > 0)
            Assert.Fail($"trees differ in {differences.Count} place(s):\n" + string.Join('\n', differences));
    }

    static IEnumerable<string> FieldDifferences(TreeEntry e, TreeEntry a)
    {
        var p = e.RelPath;
        if (e.Type != a.Type)
            yield return $"{p}: type {e.Type} expected, got {a.Type}";
        if (e.Mode != a.Mode)
            yield return $"{p}: mode {e.OctalMode} expected, got {a.OctalMode}";
        if (e.LinkTarget != a.LinkTarget)
            yield return $"{p}: link target '{e.LinkTarget}' expected, got '{a.LinkTarget}'";
        if (e.Size != a.Size)
            yield return $"{p}: size {e.Size} expected, got {a.Size}";
        if (e.Sha256 != a.Sha256)
            yield return $"{p}: sha256 {e.Sha256} expected, got {a.Sha256}";
        if (e.LinkCount != a.LinkCount)
            yield return $"{p}: link count {e.LinkCount} expected, got {a.LinkCount}";
    }

    readonly record struct Node(string RelPath, string FullPath, Stat Stat);

    static IEnumerable<Node> Walk(string root)
    {
        var pending = new Stack<string>();
        pending.Push(root);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            foreach (var full in Directory.EnumerateFileSystemEntries(dir))
            {
                var stat = LStat(full);
                // Only real directories are descended into: a symlink to a directory is an entry, not a subtree.
                if (TypeOf(stat) == 'd')
                    pending.Push(full);
                yield return new Node(Path.GetRelativePath(root, full), full, stat);
            }
        }
    }

    static Stat LStat(string path)
    {
        UnixMarshal.ThrowExceptionForLastErrorIf(Syscall.lstat(path, out var stat));
        return stat;
    }

    static TreeEntry ToEntry(string relPath, string fullPath, Stat stat)
    {
        var type = TypeOf(stat);
        var mode = (int)stat.st_mode & PermissionMask;
        return type switch
        {
            'f' => new TreeEntry(relPath, type, mode, null, stat.st_size, Sha256Of(fullPath), (int)stat.st_nlink),
            'l' => new TreeEntry(relPath, type, mode, new FileInfo(fullPath).LinkTarget, 0, null, (int)stat.st_nlink),
            'd' => new TreeEntry(relPath, type, mode, null, 0, null, 0),
            _ => new TreeEntry(relPath, type, mode, null, 0, null, (int)stat.st_nlink),
        };
    }

    static char TypeOf(Stat stat) => (stat.st_mode & FilePermissions.S_IFMT) switch
    {
        FilePermissions.S_IFREG => 'f',
        FilePermissions.S_IFDIR => 'd',
        FilePermissions.S_IFLNK => 'l',
        FilePermissions.S_IFCHR => 'c',
        FilePermissions.S_IFBLK => 'b',
        FilePermissions.S_IFIFO => 'p',
        FilePermissions.S_IFSOCK => 's',
        _ => '?',
    };

    static string Sha256Of(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
