using Microsoft.Extensions.FileSystemGlobbing;
using Pkgify.Core.Config;
using Pkgify.Core.Model;
using Pkgify.Core.Staging;

namespace Pkgify.Core.Build;

/// <summary>The application tree installed at /opt/&lt;name&gt;/app, minus the <c>app.exclude</c> globs.</summary>
public static class AppFiles
{
    public static IReadOnlyList<PackageFile> Collect(AppConfig app, string installDir, IEnumerable<string> alwaysExcluded)
    {
        var matcher = new Matcher(StringComparison.Ordinal);
        foreach (var pattern in app.Exclude.Concat(alwaysExcluded))
        {
            matcher.AddInclude(pattern);
            // A bare name (".git", "dist") means that entry at any depth, as .gitignore reads it.
            if (!pattern.Contains('/'))
                matcher.AddInclude("**/" + pattern);
        }
        // A matching directory is left out with everything below it ("**/__pycache__").
        return TreeScanner.Scan(app.Source, installDir, (relPath, _) => matcher.Match(relPath).HasMatches);
    }
}
