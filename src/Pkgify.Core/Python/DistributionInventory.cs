using System.Text.RegularExpressions;

namespace Pkgify.Core.Python;

/// <summary>
/// Lists the distributions installed in a venv with their versions and licenses, for the
/// package's /usr/share/doc/NAME/ (what the package bundles, and under which terms).
/// </summary>
public static partial class DistributionInventory
{
    private const string Unknown = "UNKNOWN";

    /// <summary>A License field longer than this (or on several lines) is the license text, not its name.</summary>
    private const int MaxLicenseNameLength = 100;

    private const string LicenseClassifierPrefix = "License ::";

    /// <summary>Every *.dist-info/METADATA in the venv's site-packages, sorted by normalised name.</summary>
    public static IReadOnlyList<BundledDistribution> Read(string venvDir)
    {
        var lib = Path.Combine(venvDir, "lib");
        if (!Directory.Exists(lib)) return [];
        var metadataFiles = Directory.GetDirectories(lib, "python*")
            .Select(d => Path.Combine(d, "site-packages"))
            .Where(Directory.Exists)
            .SelectMany(s => Directory.GetDirectories(s, "*.dist-info"))
            .Select(d => Path.Combine(d, "METADATA"))
            .Where(File.Exists);
        return metadataFiles
            .Select(ReadOne)
            .OfType<BundledDistribution>()
            .OrderBy(d => NormalizedName(d.Name), StringComparer.Ordinal)
            .ThenBy(d => d.Version, StringComparer.Ordinal)
            .ToList();
    }

    private static BundledDistribution? ReadOne(string metadata)
    {
        var headers = CoreMetadata.ReadHeaders(metadata);
        var name = First(headers, "Name");
        var version = First(headers, "Version");
        if (name is null || version is null) return null;
        return new BundledDistribution(name, version, License(headers));
    }

    /// <summary>
    /// In order of precision: License-Expression (SPDX, core metadata 2.4 / PEP 639); a short
    /// License field; the Trove "License ::" classifiers' last segments; the first line of a
    /// License field holding a whole license text.
    /// </summary>
    private static string License(IReadOnlyDictionary<string, List<string>> headers)
    {
        if (Meaningful(First(headers, "License-Expression")) is { } expression) return expression;
        var license = Meaningful(First(headers, "License"));
        if (license is not null && !license.Contains('\n') && license.Length <= MaxLicenseNameLength) return license;
        var classifiers = (headers.GetValueOrDefault("Classifier") ?? [])
            .Where(c => c.StartsWith(LicenseClassifierPrefix, StringComparison.Ordinal))
            .Select(c => c.Split("::").Last().Trim())
            .Where(c => c != "OSI Approved")
            .Distinct()
            .ToList();
        if (classifiers.Count > 0) return string.Join(" OR ", classifiers);
        return license?.Split('\n')[0].Trim() ?? Unknown;
    }

    private static string? First(IReadOnlyDictionary<string, List<string>> headers, string field) =>
        headers.TryGetValue(field, out var values) && values.Count > 0 ? values[0] : null;

    private static string? Meaningful(string? value) =>
        string.IsNullOrWhiteSpace(value) || value.Trim() == Unknown ? null : value.Trim();

    /// <summary>PEP 503 normalisation: lower case, runs of '-', '_', '.' become one '-'.</summary>
    private static string NormalizedName(string name) => Separators().Replace(name, "-").ToLowerInvariant();

    [GeneratedRegex("[-_.]+")]
    private static partial Regex Separators();
}
