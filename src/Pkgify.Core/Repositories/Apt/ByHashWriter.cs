using System.Globalization;
using Pkgify.Core.Output;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Gives each index its by-hash names (formats.md §3.5) before the Release that lists it is renamed into place,
/// so a client never reads a Release naming a by-hash file that is not there yet.
/// </summary>
public static class ByHashWriter
{
    /// <summary>
    /// Temp names in a by-hash directory: one prefix for every file there, so any placement or the next pruning
    /// removes what a killed run left (<see cref="StaleTemps"/>), whatever file it was placing.
    /// </summary>
    internal static readonly string TempPrefix = AtomicFile.TempPrefix(ByHashLayout.DirectoryName);

    private const int CopyBufferSize = 1 << 16;

    /// <summary>
    /// Makes the by-hash names of <paramref name="index"/> (described relative to <paramref name="distDirectory"/>)
    /// hold the complete bytes of <paramref name="source"/>: a hard link to it, or a copy where the file system
    /// has none. A name that already holds these bytes is left alone (content-addressed: a byte-identical
    /// re-publish changes nothing); a damaged one is replaced. Each name appears by rename(2), complete.
    /// </summary>
    public static void Place(string distDirectory, AptIndexFile index, string source)
    {
        foreach (var (relative, _) in ByHashLayout.PathsFor(index))
        {
            var target = Path.Combine(distDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            if (Holds(target, index.Digests))
            {
                continue;
            }

            var directory = Path.GetDirectoryName(target)!;
            Directory.CreateDirectory(directory);
            StaleTemps.RemoveFiles(directory, TempPrefix);
            var temp = Path.Combine(directory, TempPrefix + Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            try
            {
                if (!HardLink.TryCreate(source, temp))
                {
                    Copy(source, temp);
                }

                File.Move(temp, target, overwrite: true);
            }
            finally
            {
                AtomicFile.TryDelete(temp);
            }
        }
    }

    /// <summary>True when <paramref name="path"/> exists with the size and digests of <paramref name="expected"/>.</summary>
    private static bool Holds(string path, FileDigests expected)
    {
        var info = new FileInfo(path);
        return info.Exists && info.Length == expected.Size && FileDigests.Of(path) == expected;
    }

    private static void Copy(string source, string temp)
    {
        using var from = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize);
        using var to = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, CopyBufferSize);
        from.CopyTo(to);
        to.Flush(flushToDisk: true);
    }
}
