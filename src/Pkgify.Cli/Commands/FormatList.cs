using Pkgify.Core.Errors;
using Pkgify.Core.Model;

namespace Pkgify.Cli.Commands;

internal static class FormatList
{
    public static IReadOnlyList<PackageFamily> Parse(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(f => f.ToLowerInvariant() switch
            {
                "deb" => PackageFamily.Deb,
                "rpm" => PackageFamily.Rpm,
                _ => throw new UsageException($"--format: unknown format '{f}': use deb, rpm or deb,rpm"),
            })
            .Distinct()
            .ToList() is { Count: > 0 } list
            ? list
            : throw new UsageException("--format: empty: use deb, rpm or deb,rpm");
}
