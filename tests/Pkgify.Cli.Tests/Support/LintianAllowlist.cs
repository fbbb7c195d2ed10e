using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>The lintian error tags we accept, each with its reason, from tests/lintian-allowlist.txt.</summary>
public static class LintianAllowlist
{
    public static IReadOnlySet<string> Load() => TagAllowlist.Load("lintian-allowlist.txt");
}

/// <summary>
/// A linter's accepted error tags from a file under tests/: one tag a line, the reason after '#'.
/// </summary>
public static class TagAllowlist
{
    public static IReadOnlySet<string> Load(string fileName) =>
        File.ReadAllLines(Path.Combine(RepoRoot.Path, "tests", fileName))
            .Select(l => l.Split('#')[0].Trim())
            .Where(l => l.Length > 0)
            .ToHashSet(StringComparer.Ordinal);
}
