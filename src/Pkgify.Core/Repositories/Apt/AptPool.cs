using Pkgify.Core.Errors;
using Pkgify.Core.Progress;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// The pool of one component: .debs dropped anywhere in the repository directory are moved into their pool
/// place, and every .deb already there stays (older versions remain installable and pinnable).
/// </summary>
public static class AptPool
{
    private const string DebPattern = "*.deb";
    private const string DistsDirectory = "dists";

    /// <summary>
    /// Moves the .debs found outside <c>pool/</c> and <c>dists/</c> to their pool paths. Every file is read and
    /// checked before the first one moves, so a damaged package or a conflict changes nothing. A pool file with
    /// the same name and other bytes is a conflict (a published version must never change); one with the same
    /// bytes makes the incoming copy redundant, and it is removed.
    /// </summary>
    /// <returns>The pool paths (relative, '/'-separated) that received a new package.</returns>
    public static IReadOnlyList<string> PlaceIncoming(string root, string component)
    {
        var moves = new Dictionary<string, (string Source, FileDigests Digests)>(StringComparer.Ordinal);
        var redundant = new List<string>();
        foreach (var incoming in FindIncoming(root))
        {
            var package = AptPackageReader.Read(incoming, incoming);
            var target = AptPoolLayout.PathFor(package.Fields, component);
            var targetPath = FullPath(root, target);
            if (moves.TryGetValue(target, out var earlier) && earlier.Digests != package.Digests)
            {
                throw Conflict(incoming, earlier.Source);
            }

            if (File.Exists(targetPath) && FileDigests.Of(targetPath) != package.Digests)
            {
                throw Conflict(incoming, targetPath);
            }

            if (!moves.TryAdd(target, (incoming, package.Digests)))
            {
                redundant.Add(incoming);
            }
        }

        var placed = new List<string>();
        foreach (var (target, (source, _)) in moves.OrderBy(m => m.Key, StringComparer.Ordinal))
        {
            var targetPath = FullPath(root, target);
            if (File.Exists(targetPath))
            {
                redundant.Add(source);
                continue;
            }

            Directory.CreateDirectory(Path.GetDirectoryName(targetPath)!);
            // rename(2) within the repository: the pool file appears complete or not at all.
            File.Move(source, targetPath);
            placed.Add(target);
        }

        // Byte-identical copies of what the pool now holds.
        foreach (var copy in redundant)
        {
            File.Delete(copy);
        }

        return placed;
    }

    /// <summary>Every .deb under <c>pool/&lt;component&gt;/</c>, in path order; reading them is one progress step.</summary>
    public static IReadOnlyList<AptPackage> Scan(string root, string component, IProgressSink? progress = null)
    {
        var pool = FullPath(root, $"{AptPoolLayout.PoolDirectory}/{component}");
        if (!Directory.Exists(pool))
        {
            return [];
        }

        var files = RepositoryFiles.Find(pool, DebPattern, []).ToList();
        return (progress ?? ProgressSink.None).ForEachFile($"indexing pool/{component}", files,
            path => AptPackageReader.Read(path, RepositoryFiles.Relative(root, path)));
    }

    private static IEnumerable<string> FindIncoming(string root) =>
        RepositoryFiles.Find(root, DebPattern, [AptPoolLayout.PoolDirectory, DistsDirectory]);

    private static string FullPath(string root, string relative) => Path.Combine(root, relative.Replace('/', Path.DirectorySeparatorChar));

    private static UsageException Conflict(string incoming, string existing) =>
        new($"{incoming} has the same name, version and architecture as {existing} but other contents: "
            + "a published version must never change; give the new build a new version");
}
