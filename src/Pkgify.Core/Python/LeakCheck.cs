using System.Text;

namespace Pkgify.Core.Python;

/// <summary>
/// Finds files that still name a forbidden path (the build directory): such a file works on the
/// build host and breaks, or worse, reaches back into a directory that may exist, on targets.
/// Every regular file is searched as bytes (text, .pyc, ELF alike), streamed in chunks; symbolic
/// links are checked by their target.
/// </summary>
public static class LeakCheck
{
    private const int ChunkBytes = 1 << 20;

    /// <summary>The files below <paramref name="dir"/> containing any of <paramref name="forbidden"/>.</summary>
    /// <returns>Paths relative to <paramref name="dir"/> ('/'-separated), sorted ordinally.</returns>
    public static IReadOnlyList<string> Scan(string dir, string[] forbidden) =>
        Scan(dir, forbidden, _ => true);

    /// <summary>As <see cref="Scan(string, string[])"/>, for the files whose relative path passes <paramref name="include"/>.</summary>
    internal static IReadOnlyList<string> Scan(string dir, string[] forbidden, Func<string, bool> include)
    {
        var patterns = forbidden.Where(f => f.Length > 0).Select(Encoding.UTF8.GetBytes).ToArray();
        if (patterns.Length == 0) return [];
        var buffer = new byte[ChunkBytes + patterns.Max(p => p.Length)];
        var found = new List<string>();
        foreach (var entry in FileTree.Walk(dir))
        {
            if (!include(entry.RelativePath)) continue;
            var leaks = entry.Kind switch
            {
                FileTreeEntryKind.File => FileContains(entry.FullPath, patterns, buffer),
                FileTreeEntryKind.Symlink => forbidden.Any(f => f.Length > 0 && new FileInfo(entry.FullPath).LinkTarget!.Contains(f, StringComparison.Ordinal)),
                _ => false,
            };
            if (leaks) found.Add(entry.RelativePath);
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    private static bool FileContains(string file, byte[][] patterns, byte[] buffer)
    {
        // Each chunk is searched together with the tail of the one before, so a match that
        // straddles a chunk boundary is still seen.
        var overlap = patterns.Max(p => p.Length) - 1;
        using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1);
        var carried = 0;
        int read;
        while ((read = stream.Read(buffer, carried, ChunkBytes)) > 0)
        {
            var window = buffer.AsSpan(0, carried + read);
            foreach (var pattern in patterns)
            {
                if (window.IndexOf(pattern) >= 0) return true;
            }
            carried = Math.Min(overlap, window.Length);
            window[^carried..].CopyTo(buffer);
        }
        return false;
    }
}
