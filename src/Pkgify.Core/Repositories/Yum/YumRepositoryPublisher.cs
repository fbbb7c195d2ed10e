using System.Text.RegularExpressions;
using Pkgify.Core.Errors;
using Pkgify.Core.Progress;
using Pkgify.Core.Output;
using Pkgify.Core.Signing;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>
/// Builds or refreshes a yum/dnf repository (formats.md §4): optionally signs the rpms, streams primary,
/// filelists and other to uniquely named files, then publishes repomd.xml and its signature last, and removes
/// metadata files no longer named by this or the previous repomd.xml (a client that fetched the previous
/// repomd.xml a moment ago can still fetch what it names).
/// </summary>
public static partial class YumRepositoryPublisher
{
    private const string RpmPattern = "*.rpm";

    // createrepo_c's unique names: <sha256>-<type>.<ext>.
    [GeneratedRegex("^[0-9a-f]{64}-[A-Za-z0-9_]+\\.[A-Za-z0-9.]+$")]
    private static partial Regex MetadataFileName();

    /// <summary>Publishes <paramref name="request"/>; see the class summary.</summary>
    public static YumPublishResult Publish(YumRepositoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var key = request.SigningKey;
        if (request.SignPackages && key is null)
            throw new UsageException("--sign-packages needs --sign-key: the key to sign the rpms with");
        var root = Path.GetFullPath(request.Directory);
        if (!Directory.Exists(root))
            throw new UsageException($"{request.Directory}: no such directory: give the directory holding the .rpm files");
        // A SOURCE_DATE_EPOCH the key cannot sign at is refused before anything changes.
        SignatureTime.Resolve(request.SourceDateEpoch, 0, key);

        var files = RepositoryFiles.Find(root, RpmPattern, [YumRepositoryLayout.MetadataDirectory]);
        var signed = request.SignPackages
            ? files.Select(f => RpmSigner.SignInPlace(f, key!, SignatureTime.Resolve(request.SourceDateEpoch, RpmBuildTime.Of(f), key))).ToList()
            : [];

        var repodata = Path.Combine(root, YumRepositoryLayout.MetadataDirectory);
        Directory.CreateDirectory(repodata);
        var repomdPath = Path.Combine(root, YumRepositoryLayout.RepomdPath);
        var previous = PreviousLocations(repomdPath);
        var (packages, records, time) = WriteMetadata(root, repodata, files, request.SourceDateEpoch, key, request.Progress ?? ProgressSink.None);

        var repomd = RepomdXml.Build(time, records);
        var signaturePath = Path.Combine(root, YumRepositoryLayout.RepomdSignaturePath);
        if (key is null)
        {
            // A signature left from an earlier signed run would not match the new repomd.xml.
            File.Delete(signaturePath);
            AtomicFile.Write(repomdPath, (stream, _) => stream.Write(repomd));
        }
        else
        {
            string armored;
            using (var data = new MemoryStream(repomd, writable: false))
                armored = OpenPgpSigner.SignDetachedArmored(key, data, time, OpenPgpHash.Sha512);
            // Both written and flushed first, then renamed back to back: a kill while signing or fsyncing
            // leaves the previous pair, not a new repomd.xml beside the old signature.
            using var repomdFile = AtomicFile.Prepare(repomdPath, (stream, _) => stream.Write(repomd));
            using var signatureFile = AtomicFile.Prepare(signaturePath, (stream, _) => stream.Write(System.Text.Encoding.ASCII.GetBytes(armored)));
            repomdFile.Commit();
            signatureFile.Commit();
        }

        var keep = records.Select(r => r.Location).Concat(previous).ToHashSet(StringComparer.Ordinal);
        var removed = RemoveStale(root, repodata, keep);
        return new YumPublishResult(repomdPath, packages, records, signed, removed, key is not null);
    }

    private static (List<RpmMetadata> Packages, List<RepomdRecord> Records, long Time) WriteMetadata(
        string root, string repodata, IReadOnlyList<string> files, long? sourceDateEpoch, OpenPgpSecretKey? key, IProgressSink progress)
    {
        using var primary = new MetadataFileWriter(repodata, "primary");
        using var filelists = new MetadataFileWriter(repodata, "filelists");
        using var other = new MetadataFileWriter(repodata, "other");
        PrimaryXml.Start(primary.Xml, files.Count);
        FilelistsXml.Start(filelists.Xml, files.Count);
        OtherXml.Start(other.Xml, files.Count);
        var packages = progress.ForEachFile("indexing the rpm packages", files, file =>
        {
            // Only the small facts are kept; file lists go straight to the compressed streams.
            var metadata = RpmMetadataReader.Read(file, RepositoryFiles.Relative(root, file), sourceDateEpoch);
            PrimaryXml.Write(primary.Xml, metadata);
            FilelistsXml.Write(filelists.Xml, metadata);
            OtherXml.Write(other.Xml, metadata);
            return metadata with { Files = [], Changelog = [], Dependencies = [] };
        });

        PrimaryXml.End(primary.Xml);
        FilelistsXml.End(filelists.Xml);
        OtherXml.End(other.Xml);
        // Without SOURCE_DATE_EPOCH: the newest build time, a fact of the inputs rather than of the clock.
        var time = SignatureTime.Resolve(sourceDateEpoch, packages.Select(p => p.BuildTime).DefaultIfEmpty(0).Max(), key);
        return (packages, [primary.Finish(time), filelists.Finish(time), other.Finish(time)], time);
    }

    private static IEnumerable<string> PreviousLocations(string repomdPath)
    {
        if (!File.Exists(repomdPath))
            return [];
        try
        {
            return RepomdXml.Read(repomdPath).Select(r => r.Location).ToList();
        }
        catch (InvalidDataException)
        {
            // A damaged repomd.xml protects nothing: its files are stale like any other.
            return [];
        }
    }

    private static List<string> RemoveStale(string root, string repodata, HashSet<string> keep)
    {
        var removed = new List<string>();
        foreach (var file in Directory.EnumerateFiles(repodata).Order(StringComparer.Ordinal))
        {
            var relative = RepositoryFiles.Relative(root, file);
            if (MetadataFileName().IsMatch(Path.GetFileName(file)) && !keep.Contains(relative))
            {
                File.Delete(file);
                removed.Add(relative);
            }
        }

        return removed;
    }
}
