using System.Globalization;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>One file a Release lists: its path under dists/&lt;dist&gt;/, size, and hex digest per list name.</summary>
/// <param name="Path">'/'-separated path relative to the distribution directory.</param>
/// <param name="Size">Size in bytes.</param>
/// <param name="Hashes">Digest by list name: "MD5Sum", "SHA256", "SHA512" (and "SHA1" when listed).</param>
public sealed record ReleaseEntry(string Path, long Size, IReadOnlyDictionary<string, string> Hashes);

/// <summary>Reads the hash lists of a Release file (formats.md §3.3), as apt does for checking indexes.</summary>
public static class ReleaseEntries
{
    private static readonly string[] ListNames = ["MD5Sum", "SHA1", "SHA256", "SHA512"];

    /// <summary>
    /// Every file of the hash lists, merged by path. A malformed line is an <see cref="InvalidDataException"/>;
    /// entries that disagree on the size are reported as such.
    /// </summary>
    public static IReadOnlyList<ReleaseEntry> Parse(string release)
    {
        var byPath = new Dictionary<string, (long Size, Dictionary<string, string> Hashes)>(StringComparer.Ordinal);
        string? list = null;
        foreach (var line in release.Split('\n'))
        {
            if (line.Length == 0)
            {
                continue;
            }

            if (line[0] is not (' ' or '\t'))
            {
                var colon = line.IndexOf(':');
                var name = colon < 0 ? line : line[..colon];
                list = ListNames.FirstOrDefault(n => n.Equals(name, StringComparison.OrdinalIgnoreCase));
                continue;
            }

            if (list is null)
            {
                continue;
            }

            var parts = line.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length != 3 || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
            {
                throw new InvalidDataException($"Release {list} line '{line.Trim()}' is not '<hash> <size> <path>'");
            }

            if (!byPath.TryGetValue(parts[2], out var entry))
            {
                entry = (size, new Dictionary<string, string>(StringComparer.Ordinal));
                byPath[parts[2]] = entry;
            }
            else if (entry.Size != size)
            {
                throw new InvalidDataException($"Release lists {parts[2]} with two sizes ({entry.Size} and {size})");
            }

            entry.Hashes[list] = parts[0].ToLowerInvariant();
        }

        return byPath.Select(kv => new ReleaseEntry(kv.Key, kv.Value.Size, kv.Value.Hashes)).ToList();
    }

    /// <summary>The digest of <paramref name="digests"/> that a Release list of <paramref name="listName"/> holds.</summary>
    public static string? DigestFor(FileDigests digests, string listName) => listName switch
    {
        "MD5Sum" => digests.Md5,
        "SHA256" => digests.Sha256,
        "SHA512" => digests.Sha512,
        _ => null,
    };
}
