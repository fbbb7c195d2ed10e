using Mono.Unix.Native;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Copies of an input tree that differ in everything pkgify must ignore: the order in which entries were
/// created (so the file system's directory order differs), owner, permission bits a umask takes away, mtimes.
/// </summary>
public static class SourceCopy
{
    /// <summary>Dates from 1990 to 2035: older and newer than any SOURCE_DATE_EPOCH a test uses.</summary>
    private const long EarliestMTime = 631_152_000, LatestMTime = 2_082_758_400;

    /// <summary>
    /// Copies <paramref name="source"/> into the new directory <paramref name="destination"/> with GNU tar, entries
    /// taken in REVERSE name order (files before their parent directories), keeping modes, links and mtimes (the
    /// top directory's too: it is the last entry).
    /// </summary>
    public static void ReverseOrder(string source, string destination)
    {
        Directory.CreateDirectory(destination);
        ToolRunner.RunChecked("sh", ["-c", "cd \"$1\" && find . | LC_ALL=C sort -r | tar --no-recursion -cf - -T - | tar -C \"$2\" -xpf -", "sh", source, destination]);
    }

    /// <summary>Every entry (symlinks themselves included) gets a random mtime; <paramref name="keep"/> names relative paths left alone.</summary>
    public static void ShuffleMTimes(string root, Random rng, params string[] keep)
    {
        foreach (var path in Directory.EnumerateFileSystemEntries(root, "*", SearchOption.AllDirectories).Append(root))
        {
            if (keep.Contains(Path.GetRelativePath(root, path)))
                continue;
            var t = EarliestMTime + rng.NextInt64(LatestMTime - EarliestMTime);
            SetMTime(path, t);
        }
    }

    public static void SetMTime(string path, long seconds)
    {
        var times = new[] { new Timespec { tv_sec = seconds }, new Timespec { tv_sec = seconds } };
        if (Syscall.utimensat(Syscall.AT_FDCWD, path, times, AtFlags.AT_SYMLINK_NOFOLLOW) != 0)
            throw new IOException($"utimensat {path}: {Stdlib.GetLastError()}");
    }

    /// <summary>What a checkout under umask 077 looks like: group and other bits cleared everywhere.</summary>
    public static void PrivateModes(string root) => ToolRunner.RunChecked("chmod", ["-R", "go-rwx", root]);

    /// <summary>Hands the tree to <paramref name="user"/> (files owned by someone other than the packager).</summary>
    public static void Chown(string root, string user) => ToolRunner.RunChecked("chown", ["-R", "-h", user, root]);
}
