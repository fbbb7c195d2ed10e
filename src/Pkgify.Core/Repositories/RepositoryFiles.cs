namespace Pkgify.Core.Repositories;

/// <summary>Finds package files in a repository tree the same way on every host.</summary>
public static class RepositoryFiles
{
    /// <summary>
    /// Files matching <paramref name="pattern"/> below <paramref name="root"/>, sorted by ordinal path (directory
    /// order differs between file systems). Skipped: the top-level directories named in
    /// <paramref name="excludedTopLevel"/>, names starting with '.' (pkgify's temp files, .git), and symbolic
    /// links to directories (a link loop must not hang the scan, and a link out of the tree must not publish what
    /// lies elsewhere).
    /// </summary>
    public static IReadOnlyList<string> Find(string root, string pattern, IReadOnlyCollection<string> excludedTopLevel)
    {
        var found = new List<string>();
        Walk(Path.GetFullPath(root), pattern, excludedTopLevel, found, topLevel: true);
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The '/'-separated path of <paramref name="path"/> relative to <paramref name="root"/>.</summary>
    public static string Relative(string root, string path) =>
        Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path)).Replace(Path.DirectorySeparatorChar, '/');

    private static void Walk(string directory, string pattern, IReadOnlyCollection<string> excluded, List<string> found, bool topLevel)
    {
        var options = new EnumerationOptions { RecurseSubdirectories = false, AttributesToSkip = 0, MatchCasing = MatchCasing.CaseSensitive };
        found.AddRange(Directory.EnumerateFiles(directory, pattern, options).Where(f => !Path.GetFileName(f).StartsWith('.')));
        foreach (var sub in Directory.EnumerateDirectories(directory, "*", options))
        {
            var name = Path.GetFileName(sub);
            if (name.StartsWith('.') || (topLevel && excluded.Contains(name)) || new DirectoryInfo(sub).LinkTarget is not null)
            {
                continue;
            }

            Walk(sub, pattern, excluded, found, topLevel: false);
        }
    }
}
