namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Where apt fetches an index from when Release says <c>Acquire-By-Hash: yes</c> (formats.md §3.5): beside the
/// index, <c>&lt;dir&gt;/by-hash/&lt;HashName&gt;/&lt;hex&gt;</c>, named by a digest Release lists for it. The name never
/// changes its content, so a client holding an older InRelease still finds the indexes that one names.
/// </summary>
public static class ByHashLayout
{
    /// <summary>The Release field that tells apt to fetch indexes by hash.</summary>
    public const string ReleaseField = "Acquire-By-Hash";

    /// <summary>The directory beside each index.</summary>
    public const string DirectoryName = "by-hash";

    /// <summary>
    /// The hash lists that get by-hash copies. apt asks for the strongest hash Release lists (apt 2.6.1
    /// requests <c>by-hash/SHA512/</c> for pkgify's Release and fails when only SHA256 is there, checked with
    /// strace); SHA256 is the name formats.md §3.5 and the Debian archive use, which clients forcing
    /// <c>Acquire::ForceHash=SHA256</c> and mirror tools request. Both names link to one file.
    /// </summary>
    public static readonly IReadOnlyList<string> ListNames = ["SHA256", "SHA512"];

    /// <summary>The by-hash path of <paramref name="indexPath"/> ('/'-separated, relative to dists/&lt;dist&gt;/).</summary>
    public static string PathFor(string indexPath, string listName, string hex)
    {
        var slash = indexPath.LastIndexOf('/');
        var directory = slash < 0 ? "" : indexPath[..(slash + 1)];
        return $"{directory}{DirectoryName}/{listName}/{hex}";
    }

    /// <summary>Every by-hash path of an index pkgify publishes, with the digest (hex) its content has.</summary>
    public static IEnumerable<(string Path, string Hex)> PathsFor(AptIndexFile file) =>
        ListNames.Select(list => (list, Hex: ReleaseEntries.DigestFor(file.Digests, list)!))
            .Select(l => (PathFor(file.Path, l.list, l.Hex), l.Hex));

    /// <summary>The by-hash paths of a Release entry, for each of <see cref="ListNames"/> the entry has a digest in.</summary>
    public static IEnumerable<(string Path, string ListName, string Hex)> PathsFor(ReleaseEntry entry) =>
        ListNames.Where(entry.Hashes.ContainsKey).Select(list => (PathFor(entry.Path, list, entry.Hashes[list]), list, entry.Hashes[list]));

    /// <summary>
    /// True when the Release text's <see cref="ReleaseField"/> is set: apt reads it as a boolean
    /// (debmetaindex.cc FindB: yes/true/with/on/enable or a non-zero number).
    /// </summary>
    public static bool IsEnabled(string releaseText)
    {
        foreach (var line in releaseText.Split('\n'))
        {
            if (line.StartsWith(ReleaseField + ":", StringComparison.OrdinalIgnoreCase))
            {
                var value = line[(ReleaseField.Length + 1)..].Trim();
                return value.ToLowerInvariant() is "yes" or "true" or "with" or "on" or "enable"
                       || (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) && n != 0);
            }
        }

        return false;
    }
}
