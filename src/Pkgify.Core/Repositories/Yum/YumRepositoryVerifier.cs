using System.Globalization;
using System.Security.Cryptography;
using System.Xml;
using Pkgify.Core.Signing;
using Pkgify.Core.Writers;
using Pkgify.Formats.Compression;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>
/// <c>pkgify verify --repo DIR</c> for a yum repository, checking what librepo and dnf check (formats.md §4.2,
/// §4.6): repomd.xml.asc over repomd.xml, every metadata file's size, checksum and open checksum, and every
/// package's size and pkgid (the SHA-256 of the .rpm) in primary.xml.
/// </summary>
public static class YumRepositoryVerifier
{
    private const int Sha256HexLength = 64;

    /// <summary>The problems found under <paramref name="root"/> (empty when sound); signatures only with a key ring.</summary>
    public static IReadOnlyList<string> Verify(string root, byte[]? publicKeyring)
    {
        var problems = new List<string>();
        var repomdPath = Path.Combine(root, YumRepositoryLayout.RepomdPath);
        if (publicKeyring is not null)
            CheckSignature(repomdPath, publicKeyring, problems);

        IReadOnlyList<RepomdRecord> records;
        try
        {
            records = RepomdXml.Read(repomdPath);
        }
        catch (InvalidDataException e)
        {
            return [.. problems, $"{YumRepositoryLayout.RepomdPath}: {e.Message}"];
        }

        if (!records.Any(r => r.Type == "primary"))
            problems.Add($"{YumRepositoryLayout.RepomdPath}: no primary metadata");
        foreach (var record in records)
            CheckRecord(root, record, problems);
        return problems;
    }

    private static void CheckSignature(string repomdPath, byte[] keyring, List<string> problems)
    {
        var ascPath = repomdPath + ".asc";
        if (!File.Exists(ascPath))
        {
            problems.Add($"{YumRepositoryLayout.RepomdSignaturePath}: missing: the repository is not signed (dnf with repo_gpgcheck=1 refuses it)");
            return;
        }

        try
        {
            var signature = OpenPgpArmor.Decode(File.ReadAllText(ascPath, System.Text.Encoding.ASCII), out _);
            using var data = File.OpenRead(repomdPath);
            if (SignatureCheck.Problem(YumRepositoryLayout.RepomdSignaturePath, keyring, data, signature) is { } problem)
                problems.Add(problem);
        }
        catch (InvalidDataException e)
        {
            problems.Add($"{YumRepositoryLayout.RepomdSignaturePath}: not an armored signature: {e.Message}");
        }
    }

    private static void CheckRecord(string root, RepomdRecord record, List<string> problems)
    {
        var what = $"{YumRepositoryLayout.RepomdPath} {record.Type}";
        if (record.Location.Split('/').Contains("..") || record.Location.StartsWith('/'))
        {
            problems.Add($"{what}: location {record.Location} leaves the repository");
            return;
        }

        var path = Path.Combine(root, record.Location);
        if (!File.Exists(path))
        {
            problems.Add($"{what}: {record.Location} is missing");
            return;
        }

        var digests = FileDigests.Of(path);
        if (digests.Size != record.Size)
            problems.Add($"{what}: {record.Location} is {digests.Size} bytes, repomd.xml says {record.Size}");
        if (!Matches(digests, record.Checksum))
        {
            problems.Add($"{what}: {record.Location} has another checksum than repomd.xml says ({record.Checksum})");
            return;
        }

        if (KindOf(record.Location) is not { } kind)
            return; // a compression pkgify does not read (bz2): the checksum above already covers the bytes
        try
        {
            using var file = File.OpenRead(path);
            using var decoded = CompressionCodec.OpenDecoder(file, kind);
            using var open = new HashingReadStream(decoded, HashAlgorithmName.SHA256);
            if (record.Type == "primary")
                CheckPackages(root, record.Location, open, problems);
            open.CopyTo(Stream.Null);
            if (open.BytesRead != record.OpenSize || !open.HexDigest().Equals(record.OpenChecksum, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{what}: {record.Location} does not uncompress to the open-checksum and open-size repomd.xml gives");
        }
        catch (Exception e) when (e is InvalidDataException or XmlException or IOException)
        {
            problems.Add($"{what}: {record.Location} cannot be read: {e.Message}");
        }
    }

    private static void CheckPackages(string root, string location, Stream primary, List<string> problems)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null, CloseInput = false };
        using var reader = XmlReader.Create(primary, settings);
        string? checksum = null, href = null, size = null;
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == MetadataNamespaces.Common)
            {
                switch (reader.LocalName)
                {
                    case "package":
                        checksum = href = size = null;
                        break;
                    case "checksum":
                        checksum = reader.ReadElementContentAsString();
                        break;
                    case "location":
                        href = reader.GetAttribute("href");
                        break;
                    case "size":
                        size = reader.GetAttribute("package");
                        break;
                }
            }
            else if (reader.NodeType == XmlNodeType.EndElement && reader.LocalName == "package" && reader.NamespaceURI == MetadataNamespaces.Common)
            {
                CheckPackage(root, location, href, checksum, size, problems);
            }
        }
    }

    private static void CheckPackage(string root, string location, string? href, string? checksum, string? size, List<string> problems)
    {
        if (href is null || href.Split('/').Contains("..") || href.StartsWith('/'))
        {
            problems.Add($"{location}: a package has no usable location");
            return;
        }

        var path = Path.Combine(root, href);
        if (!File.Exists(path))
        {
            problems.Add($"{location}: {href} is missing");
            return;
        }

        var digests = FileDigests.Of(path);
        if (size != digests.Size.ToString(CultureInfo.InvariantCulture))
            problems.Add($"{location}: {href} is {digests.Size} bytes, primary says {size}");
        if (checksum is null || !Matches(digests, checksum))
            problems.Add($"{location}: {href} has SHA-256 {digests.Sha256}, primary's pkgid is {checksum}");
    }

    private static bool Matches(FileDigests digests, string checksum) =>
        checksum.Equals(checksum.Length == Sha256HexLength ? digests.Sha256 : digests.Sha512, StringComparison.OrdinalIgnoreCase);

    private static CompressionKind? KindOf(string location) => Path.GetExtension(location) switch
    {
        ".gz" => CompressionKind.Gzip,
        ".xz" => CompressionKind.Xz,
        ".zst" => CompressionKind.Zstd,
        ".xml" => CompressionKind.None,
        _ => null,
    };
}
