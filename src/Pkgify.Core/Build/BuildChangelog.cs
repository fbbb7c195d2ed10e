using Pkgify.Core.Config;
using Pkgify.Core.Model;

namespace Pkgify.Core.Build;

/// <summary>
/// The changelog of a built package: one entry for the version being packaged, dated at the build time and
/// signed by the maintainer. Debian Policy §12.7 wants a changelog in every package; rpm shows it with
/// <c>rpm -q --changelog</c> and repositories publish it (other.xml).
/// </summary>
public static class BuildChangelog
{
    public static IReadOnlyList<ChangelogEntry> For(ProjectConfig config, PackageVersion version, long buildTime) =>
        [new ChangelogEntry(buildTime, config.Maintainer, version, [$"Package of {config.Name} {config.Version}, built by pkgify."])];
}
