using Pkgify.Core.Errors;
using Pkgify.Core.Signing;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Builds or refreshes an apt repository (formats.md §3): new .debs into the pool, then every index of the
/// component and Release with its signatures, all written first and renamed into place together, Release last. Running it again after adding packages gives the same
/// result as publishing them all at once; older versions stay in the pool and in the indexes.
/// Every index also gets its by-hash names before Release is renamed (formats.md §3.5), and those of the last
/// <see cref="ByHashGenerations.Kept"/> generations stay, so a client that read the previous InRelease just
/// before a publish still finds the indexes it names.
/// </summary>
public static class AptRepositoryPublisher
{
    /// <summary>Architectures indexed when neither --arch nor any package names one (the common server ones).</summary>
    public static readonly IReadOnlyList<string> DefaultArchitectures = ["amd64", "arm64"];

    private const string ArchitectureIndependent = "all";
    private const string BinaryPrefix = "binary-";
    private const string DistsDirectory = "dists";

    /// <summary>Publishes <paramref name="request"/>; see the class summary.</summary>
    public static AptPublishResult Publish(AptRepositoryRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dist = AptNames.CheckPath("--dist", request.Distribution);
        var component = AptNames.CheckPath("--component", request.Component);
        var requestedArchitectures = request.Architectures.Select(AptNames.CheckArchitecture).Distinct().Order(StringComparer.Ordinal).ToList();
        var fields = ReleaseFields(request, dist);
        var root = Path.GetFullPath(request.Directory);
        if (!Directory.Exists(root))
        {
            throw new UsageException($"{request.Directory}: no such directory: give the directory holding the .deb files");
        }

        // A SOURCE_DATE_EPOCH the key cannot sign at is refused before anything changes.
        SignatureTime.Resolve(request.SourceDateEpoch, 0, request.SigningKey);
        var placed = AptPool.PlaceIncoming(root, component);
        var packages = AptPool.Scan(root, component, request.Progress)
            .OrderBy(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.Filename, StringComparer.Ordinal).ToList();
        var architectures = requestedArchitectures.Count > 0 ? requestedArchitectures : ArchitecturesOf(packages);

        var distDirectory = Path.Combine(root, DistsDirectory, dist.Replace('/', Path.DirectorySeparatorChar));
        var componentDirectory = Path.Combine(distDirectory, component.Replace('/', Path.DirectorySeparatorChar));
        var prepared = new List<PendingIndexFile>();
        ByHashGenerations generations;
        try
        {
            // This component's indexes are exactly the requested ones, written now but renamed into place only
            // together with Release (ReleaseWriter.Publish); other components' come from disk.
            var indexes = OtherComponentsIndexes(distDirectory, component);
            foreach (var architecture in architectures)
            {
                var files = PackagesIndexWriter.Prepare(distDirectory, Path.Combine(componentDirectory, BinaryPrefix + architecture),
                    packages.Where(p => p.Architecture == architecture || p.Architecture == ArchitectureIndependent));
                prepared.AddRange(files);
                indexes.Add(new ComponentIndexes(component, architecture, files.Select(f => f.Description).ToList()));
            }

            // Release lists every component of the distribution, including those other runs published.
            var allComponents = indexes.Select(i => i.Component).Distinct().Order(StringComparer.Ordinal);
            var allArchitectures = indexes.Select(i => i.Architecture).Distinct().Order(StringComparer.Ordinal);
            fields.Add(new("Architectures", string.Join(' ', allArchitectures)));
            fields.Add(new("Components", string.Join(' ', allComponents)));
            var time = SignatureTime.Resolve(request.SourceDateEpoch, NewestPackageTime(packages), request.SigningKey);
            var date = fields.FindIndex(f => f.Key == "Codename") + 1;
            fields.Insert(date, new("Date", RepositoryDate.Format(time)));
            fields.Insert(date + 1, new(ByHashLayout.ReleaseField, "yes"));

            var listed = indexes.SelectMany(i => i.Files).ToList();
            var release = ReleaseFile.Build(fields, listed);
            PlaceByHash(distDirectory, listed, prepared);
            generations = ByHashGenerations.Load(distDirectory);
            ReleaseWriter.Publish(distDirectory, release, request.SigningKey, time, prepared.Select(f => f.File).ToList());
            generations.Add(listed.SelectMany(ByHashLayout.PathsFor).Select(p => p.Path));
            generations.Save(distDirectory);
        }
        finally
        {
            foreach (var file in prepared)
            {
                file.File.Dispose();
            }
        }

        RemoveStaleArchitectures(componentDirectory, architectures);
        generations.RemoveUnreferenced(distDirectory);

        var notIndexed = packages.Where(p => p.Architecture != ArchitectureIndependent && !architectures.Contains(p.Architecture)).ToList();
        return new AptPublishResult(distDirectory, placed, packages, architectures, notIndexed, request.SigningKey is not null);
    }

    private static List<KeyValuePair<string, string>> ReleaseFields(AptRepositoryRequest request, string dist)
    {
        var fields = new List<KeyValuePair<string, string>>();
        void Add(string name, string? value)
        {
            if (value is not null)
            {
                fields.Add(new(name, value));
            }
        }

        Add("Origin", AptNames.CheckField("--origin", request.Origin, allowSpaces: true));
        Add("Label", AptNames.CheckField("--label", request.Label, allowSpaces: true));
        // apt warns unless Suite or Codename matches the dists/ name the client uses (formats.md §3.3).
        Add("Suite", AptNames.CheckField("--suite", request.Suite, allowSpaces: false) ?? dist);
        Add("Codename", AptNames.CheckField("--codename", request.Codename, allowSpaces: false) ?? dist);
        return fields;
    }

    private static List<string> ArchitecturesOf(IEnumerable<AptPackage> packages)
    {
        var found = packages.Select(p => p.Architecture).Where(a => a != ArchitectureIndependent)
            .Distinct().Order(StringComparer.Ordinal).ToList();
        return found.Count > 0 ? found : DefaultArchitectures.ToList();
    }

    private sealed record ComponentIndexes(string Component, string Architecture, IReadOnlyList<AptIndexFile> Files);

    private static List<ComponentIndexes> OtherComponentsIndexes(string distDirectory, string component)
    {
        var found = new List<ComponentIndexes>();
        if (!Directory.Exists(distDirectory))
        {
            return found;
        }

        foreach (var binary in Directory.EnumerateDirectories(distDirectory, BinaryPrefix + "*", SearchOption.AllDirectories))
        {
            var owner = RepositoryFiles.Relative(distDirectory, Path.GetDirectoryName(binary)!);
            if (owner == component)
            {
                continue;
            }

            var architecture = Path.GetFileName(binary)[BinaryPrefix.Length..];
            var files = new[] { "", ".gz", ".xz" }
                .Select(suffix => Path.Combine(binary, PackagesIndexWriter.IndexName + suffix))
                .Where(File.Exists)
                .Select(f => PackagesIndexWriter.Describe(distDirectory, f))
                .ToList();
            if (files.Count > 0)
            {
                found.Add(new ComponentIndexes(owner, architecture, files));
            }
        }

        return found;
    }

    /// <summary>
    /// The indexes of <paramref name="listed"/> under their by-hash names: this run's from their temp files,
    /// other components' from their published files.
    /// </summary>
    private static void PlaceByHash(string distDirectory, IEnumerable<AptIndexFile> listed, IEnumerable<PendingIndexFile> prepared)
    {
        var pending = prepared.ToDictionary(f => f.Description.Path, f => f.File.TempPath, StringComparer.Ordinal);
        foreach (var file in listed)
        {
            var source = pending.GetValueOrDefault(file.Path) ?? Path.Combine(distDirectory, file.Path.Replace('/', Path.DirectorySeparatorChar));
            ByHashWriter.Place(distDirectory, file, source);
        }
    }

    /// <summary>
    /// Removes the indexes of architectures no longer published but leaves their by-hash files: the previous
    /// InRelease still names them, and <see cref="ByHashGenerations.RemoveUnreferenced"/> removes them in turn.
    /// </summary>
    private static void RemoveStaleArchitectures(string componentDirectory, IReadOnlyList<string> architectures)
    {
        foreach (var binary in Directory.EnumerateDirectories(componentDirectory, BinaryPrefix + "*"))
        {
            if (architectures.Contains(Path.GetFileName(binary)[BinaryPrefix.Length..]))
            {
                continue;
            }

            foreach (var file in Directory.EnumerateFiles(binary))
            {
                File.Delete(file);
            }

            foreach (var directory in Directory.EnumerateDirectories(binary).Where(d => Path.GetFileName(d) != ByHashLayout.DirectoryName))
            {
                Directory.Delete(directory, recursive: true);
            }

            if (!Directory.EnumerateFileSystemEntries(binary).Any())
            {
                Directory.Delete(binary);
            }
        }
    }

    /// <summary>
    /// Without SOURCE_DATE_EPOCH the Release date is the newest package's build time: a copied or downloaded
    /// .deb has a new mtime on disk, so the file system must not decide the index's bytes.
    /// </summary>
    private static long NewestPackageTime(IEnumerable<AptPackage> packages) =>
        packages.Select(p => p.BuildTime).DefaultIfEmpty(0).Max();
}
