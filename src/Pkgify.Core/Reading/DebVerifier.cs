namespace Pkgify.Core.Reading;

/// <summary>
/// Consistency of a .deb: each md5sums line names a regular file of data.tar whose content has that md5,
/// and each conffile exists in data.tar (deb-conffiles(5)). Files absent from md5sums are not an error:
/// debhelper leaves conffiles out of it.
/// </summary>
internal static class DebVerifier
{
    public static IReadOnlyList<string> Check((PackageInspection Inspection, DebPayloadFacts Facts) package)
    {
        var (inspection, facts) = package;
        var problems = new List<string>();
        var paths = inspection.Files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        foreach (var (path, declared) in facts.DeclaredMd5.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (!facts.ComputedMd5.TryGetValue(path, out var actual))
                problems.Add($"md5sums lists {path}, which is not a regular file in data.tar");
            else if (!string.Equals(actual, declared, StringComparison.OrdinalIgnoreCase))
                problems.Add($"{path}: md5 {actual} does not match md5sums ({declared})");
        }
        foreach (var conffile in facts.Conffiles.Order(StringComparer.Ordinal))
            if (!paths.Contains(conffile))
                problems.Add($"conffiles lists {conffile}, which is not in data.tar");
        return problems;
    }
}
