using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>The lintian error tags we accept, each with its reason, from tests/lintian-allowlist.txt.</summary>
public static class LintianAllowlist
{
    public static IReadOnlySet<string> Load() => TagAllowlist.Load("lintian-allowlist.txt");
}

/// <summary>
/// A linter's accepted error tags from a file under tests/: one tag a line, the reason after '#'.
/// A tag without a reason throws (failing the test that loads it): an unexplained exception to a linter is how real errors get waved through.
/// </summary>
public static class TagAllowlist
{
    private const char ReasonMarker = '#';

    public static IReadOnlySet<string> Load(string fileName) =>
        Parse(File.ReadAllLines(Path.Combine(RepoRoot.Path, "tests", fileName)), fileName);

    /// <summary>Parses allowlist <paramref name="lines"/>; <paramref name="source"/> names them in failure messages.</summary>
    public static IReadOnlySet<string> Parse(IReadOnlyList<string> lines, string source)
    {
        var tags = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < lines.Count; i++)
        {
            var marker = lines[i].IndexOf(ReasonMarker);
            var tag = (marker < 0 ? lines[i] : lines[i][..marker]).Trim();
            if (tag.Length == 0)
                continue; // a blank or comment-only line
            var reason = marker < 0 ? "" : lines[i][(marker + 1)..].Trim();
            if (reason.Length == 0)
                throw new InvalidDataException($"{source}:{i + 1}: tag '{tag}' has no reason; write why it is accepted after '{ReasonMarker}'.");
            if (tag.Contains(' ', StringComparison.Ordinal) || !tags.Add(tag))
                throw new InvalidDataException($"{source}:{i + 1}: '{tag}' must be one tag, listed once.");
        }
        return tags;
    }
}
