using System.Text;
using Pkgify.Core.Reading;
using Pkgify.Core.Signing;
using Pkgify.Formats.Compression;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// <c>pkgify verify --repo DIR</c> for an apt repository, checking what apt checks (formats.md §3.3, §3.4): the
/// InRelease and Release.gpg signatures, the size and every digest of each index Release lists, its by-hash
/// copies when Release says Acquire-By-Hash (§3.5), and the size and digests of each .deb a Packages index lists.
/// </summary>
public static class AptRepositoryVerifier
{
    private const string DistsDirectory = "dists";
    private const long MaxIndexBytes = 1L << 30;

    /// <summary>The problems found under <paramref name="root"/> (empty when sound); signatures only with a key ring.</summary>
    public static IReadOnlyList<string> Verify(string root, byte[]? publicKeyring)
    {
        var problems = new List<string>();
        var dists = Directory.EnumerateFiles(Path.Combine(root, DistsDirectory), "*Release", SearchOption.AllDirectories)
            .Where(f => Path.GetFileName(f) is ReleaseWriter.ReleaseName or ReleaseWriter.InReleaseName)
            .Select(Path.GetDirectoryName)
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        if (dists.Count == 0)
        {
            return ["no dists/<dist>/Release or InRelease: not an apt repository (publish it with pkgify repo apt)"];
        }

        foreach (var dist in dists)
        {
            VerifyDistribution(root, dist!, publicKeyring, problems);
        }

        return problems;
    }

    private static void VerifyDistribution(string root, string dist, byte[]? keyring, List<string> problems)
    {
        var name = RepositoryFiles.Relative(root, dist);
        var releases = new List<(string What, string Text)>();
        var inRelease = Path.Combine(dist, ReleaseWriter.InReleaseName);
        var release = Path.Combine(dist, ReleaseWriter.ReleaseName);
        var detached = Path.Combine(dist, ReleaseWriter.SignatureName);
        if (File.Exists(inRelease))
        {
            try
            {
                var message = OpenPgpCleartextReader.Read(File.ReadAllText(inRelease, Encoding.UTF8));
                releases.Add(($"{name}/InRelease", message.Text));
                if (keyring is not null)
                {
                    using var signed = new MemoryStream(Encoding.UTF8.GetBytes(message.SignedText), writable: false);
                    Add(problems, SignatureCheck.Problem($"{name}/InRelease", keyring, signed, message.Signature));
                }
            }
            catch (InvalidDataException e)
            {
                problems.Add($"{name}/InRelease: not a cleartext signed message: {e.Message}");
            }
        }

        if (File.Exists(release))
        {
            releases.Add(($"{name}/Release", File.ReadAllText(release, Encoding.UTF8)));
            if (keyring is not null && File.Exists(detached))
            {
                CheckDetached(name, release, detached, keyring, problems);
            }
        }

        if (keyring is not null && !File.Exists(inRelease) && !File.Exists(detached))
        {
            problems.Add($"{name}: not signed: neither InRelease nor Release.gpg is there");
        }

        foreach (var (what, text) in releases)
        {
            CheckIndexes(root, dist, what, text, problems);
        }
    }

    private static void CheckDetached(string name, string release, string detached, byte[] keyring, List<string> problems)
    {
        try
        {
            var signature = OpenPgpArmor.Decode(File.ReadAllText(detached, Encoding.ASCII), out _);
            using var data = File.OpenRead(release);
            Add(problems, SignatureCheck.Problem($"{name}/Release.gpg", keyring, data, signature));
        }
        catch (InvalidDataException e)
        {
            // apt 2.6 accepts only the armored form (formats.md §3.4).
            problems.Add($"{name}/Release.gpg: not an armored signature: {e.Message}");
        }
    }

    private static void CheckIndexes(string root, string dist, string what, string text, List<string> problems)
    {
        IReadOnlyList<ReleaseEntry> entries;
        try
        {
            entries = ReleaseEntries.Parse(text);
        }
        catch (InvalidDataException e)
        {
            problems.Add($"{what}: {e.Message}");
            return;
        }

        if (!entries.Any(e => e.Hashes.ContainsKey("SHA256") || e.Hashes.ContainsKey("SHA512")))
        {
            problems.Add($"{what}: no SHA256 or SHA512 list: apt refuses a repository with only weak hashes");
        }

        var listed = entries.Select(e => e.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var path = Path.Combine(dist, entry.Path);
            if (!File.Exists(path))
            {
                // Release names the uncompressed index even when only compressed forms are published (§3.3).
                if (!IndexForms(entry.Path).Any(f => listed.Contains(f) && File.Exists(Path.Combine(dist, f))))
                    problems.Add($"{what}: lists {entry.Path}, which is missing");
                continue;
            }

            var digests = FileDigests.Of(path);
            if (digests.Size != entry.Size)
                problems.Add($"{what}: {entry.Path} is {digests.Size} bytes, Release says {entry.Size}");
            foreach (var (list, expected) in entry.Hashes)
                if (ReleaseEntries.DigestFor(digests, list) is { } actual && actual != expected)
                    problems.Add($"{what}: {entry.Path} has {list} {actual}, Release says {expected}");
        }

        if (ByHashLayout.IsEnabled(text))
            CheckByHash(dist, what, entries, problems);

        foreach (var index in Directory.EnumerateFiles(dist, PackagesIndexWriter.IndexName + "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = RepositoryFiles.Relative(dist, index);
            if (!listed.Contains(relative))
                problems.Add($"{what}: does not list {relative}");
            else if (Path.GetFileName(index) == PackagesIndexWriter.IndexName || !File.Exists(Path.Combine(Path.GetDirectoryName(index)!, PackagesIndexWriter.IndexName)))
                CheckPackages(root, relative, index, problems);
        }
    }

    /// <summary>
    /// With Acquire-By-Hash apt fetches each index only under its by-hash name (the strongest hash Release lists),
    /// so every published index needs its by-hash copies, each holding exactly the bytes Release describes.
    /// </summary>
    private static void CheckByHash(string dist, string what, IReadOnlyList<ReleaseEntry> entries, List<string> problems)
    {
        foreach (var entry in entries)
        {
            var published = File.Exists(Path.Combine(dist, entry.Path));
            foreach (var (path, list, expected) in ByHashLayout.PathsFor(entry))
            {
                var copy = Path.Combine(dist, path);
                if (!File.Exists(copy))
                {
                    if (published)
                        problems.Add($"{what}: Acquire-By-Hash, but {path} (by-hash copy of {entry.Path}) is missing");
                    continue;
                }

                var digests = FileDigests.Of(copy);
                if (digests.Size != entry.Size)
                    problems.Add($"{what}: {path} (by-hash copy of {entry.Path}) is {digests.Size} bytes, Release says {entry.Size}");
                else if (ReleaseEntries.DigestFor(digests, list) is { } actual && actual != expected)
                    problems.Add($"{what}: {path} (by-hash copy of {entry.Path}) has {list} {actual}, Release says {expected}");
            }
        }
    }

    private static IEnumerable<string> IndexForms(string path)
    {
        var plain = path.EndsWith(".gz", StringComparison.Ordinal) || path.EndsWith(".xz", StringComparison.Ordinal) ? path[..^3] : path;
        return [plain, plain + ".gz", plain + ".xz"];
    }

    private static void CheckPackages(string root, string relative, string index, List<string> problems)
    {
        string text;
        try
        {
            text = ReadIndex(index);
        }
        catch (InvalidDataException e)
        {
            problems.Add($"{relative}: cannot be read: {e.Message}");
            return;
        }

        foreach (var stanza in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(s => s.Trim().Length > 0))
        {
            IReadOnlyDictionary<string, string> fields;
            try
            {
                fields = DebControlParser.Parse(stanza);
            }
            catch (InvalidDataException e)
            {
                problems.Add($"{relative}: {e.Message}");
                continue;
            }

            CheckPackage(root, relative, fields, problems);
        }
    }

    private static void CheckPackage(string root, string relative, IReadOnlyDictionary<string, string> fields, List<string> problems)
    {
        var name = fields.GetValueOrDefault("Package") ?? "(no Package field)";
        if (fields.GetValueOrDefault("Filename") is not { } filename || filename.Split('/').Contains(".."))
        {
            problems.Add($"{relative}: {name}: no usable Filename field");
            return;
        }

        var path = Path.Combine(root, filename);
        if (!File.Exists(path))
        {
            problems.Add($"{relative}: {name}: {filename} is missing");
            return;
        }

        var digests = FileDigests.Of(path);
        if (fields.GetValueOrDefault("Size") != digests.Size.ToString(System.Globalization.CultureInfo.InvariantCulture))
            problems.Add($"{relative}: {filename} is {digests.Size} bytes, the index says {fields.GetValueOrDefault("Size")}");
        foreach (var (field, actual) in new[] { ("MD5sum", digests.Md5), ("SHA256", digests.Sha256), ("SHA512", digests.Sha512) })
            if (fields.GetValueOrDefault(field) is { } expected && !expected.Equals(actual, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{relative}: {filename} has {field} {actual}, the index says {expected}");
        if (!fields.ContainsKey("SHA256") && !fields.ContainsKey("SHA512"))
            problems.Add($"{relative}: {name}: no SHA256 or SHA512 field");
    }

    private static string ReadIndex(string path)
    {
        using var file = File.OpenRead(path);
        var kind = Path.GetExtension(path) switch { ".gz" => CompressionKind.Gzip, ".xz" => CompressionKind.Xz, _ => CompressionKind.None };
        using var decoded = CompressionCodec.OpenDecoder(file, kind);
        using var bounded = new MemoryStream();
        var buffer = new byte[1 << 16];
        for (int n; (n = decoded.Read(buffer)) > 0;)
        {
            if (bounded.Length + n > MaxIndexBytes)
                throw new InvalidDataException($"more than {MaxIndexBytes} bytes uncompressed");
            bounded.Write(buffer, 0, n);
        }

        return Encoding.UTF8.GetString(bounded.GetBuffer(), 0, (int)bounded.Length);
    }

    private static void Add(List<string> problems, string? problem)
    {
        if (problem is not null)
            problems.Add(problem);
    }
}
