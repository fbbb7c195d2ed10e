namespace Pkgify.Core.Dependencies.Debian;

/// <summary>
/// The build host's dpkg database, read directly: which installed package lists a file (<c>info/*.list</c>, what
/// <c>dpkg -S</c> answers) and where a package's control files are (<c>info/PACKAGE.shlibs</c> / <c>.symbols</c>,
/// what <c>dpkg-query --control-path</c> answers). Only shared-library paths are indexed.
/// </summary>
internal sealed class DpkgDatabase
{
    private const string ListSuffix = ".list";
    private readonly string _infoDir;
    private readonly Lazy<Dictionary<string, List<string>>> _owners;

    public DpkgDatabase(HostSystem host)
    {
        _infoDir = Path.Combine(host.DpkgAdminDir, "info");
        _owners = new Lazy<Dictionary<string, List<string>>>(IndexLibraries);
    }

    /// <summary>True when the host has a dpkg database (Debian, Ubuntu and derivatives).</summary>
    public bool Exists => Directory.Exists(_infoDir);

    /// <summary>Packages (as dpkg names them, e.g. <c>zlib1g:amd64</c>) listing <paramref name="path"/>; empty if none.</summary>
    public IReadOnlyList<string> Owners(string path) =>
        Exists && _owners.Value.TryGetValue(path, out var packages) ? packages : [];

    /// <summary>Packages listing <paramref name="path"/>, found by reading every list (for paths outside the index).</summary>
    public IReadOnlyList<string> Scan(string path) =>
        !Exists ? [] : Lists().Where(l => File.ReadLines(l.File).Contains(path, StringComparer.Ordinal)).Select(l => l.Package).ToList();

    /// <summary>The control file of <paramref name="package"/> of the given kind (shlibs, symbols), or null.</summary>
    public string? ControlFile(string package, string kind)
    {
        var file = Path.Combine(_infoDir, $"{package}.{kind}");
        return File.Exists(file) ? file : null;
    }

    /// <summary>
    /// Every listed path whose file name contains ".so", with its packages in name order (the order dpkg -S
    /// prints them). Reading all lists once costs ~50 ms and keeps ~10k entries, instead of one dpkg call per file.
    /// </summary>
    private Dictionary<string, List<string>> IndexLibraries()
    {
        var owners = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (list, package) in Lists())
        {
            foreach (var path in File.ReadLines(list))
            {
                if (!Path.GetFileName(path).Contains(".so", StringComparison.Ordinal))
                    continue;
                if (!owners.TryGetValue(path, out var packages))
                    owners[path] = packages = [];
                packages.Add(package);
            }
        }
        return owners;
    }

    private IEnumerable<(string File, string Package)> Lists() =>
        Directory.EnumerateFiles(_infoDir, "*" + ListSuffix).Order(StringComparer.Ordinal)
            .Select(f => (f, Path.GetFileName(f)[..^ListSuffix.Length]));
}
