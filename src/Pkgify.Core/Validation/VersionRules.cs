using System.Text;
using System.Text.RegularExpressions;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;

namespace Pkgify.Core.Validation;

/// <summary>
/// Maps a PEP 440 version to one that dpkg (deb-version(7)) and rpm (rpmvercmp) both order as Python does:
/// pre-releases and dev releases must sort BEFORE the final release, which both tools express with '~'
/// ("~ sorts before everything, even the empty string"). So:
/// <list type="bullet">
/// <item><c>1.4.2rc1</c> → <c>1.4.2~rc1</c>, <c>1.0a1</c> → <c>1.0~a1</c>, <c>1.0b2</c> → <c>1.0~b2</c></item>
/// <item><c>1.0.dev3</c> → <c>1.0~~dev3</c> (two tildes: before 1.0~a1, as PEP 440 orders dev before alpha)</item>
/// <item><c>1.0a1.dev2</c> → <c>1.0~a1~dev2</c> (before 1.0~a1)</item>
/// <item><c>1.0.post1</c> → <c>1.0+post1</c> ('+' sorts after the end of 1.0 but before 1.0.1 in both tools)</item>
/// <item><c>2!1.0</c> → epoch 2, <c>1.0</c>; a local version <c>+abc</c> is kept as <c>+abc</c>.</item>
/// </list>
/// The characters left are the intersection of what both formats allow: Debian upstream
/// <c>[A-Za-z0-9.+~-:]</c> and RPM VERSION <c>[A-Za-z0-9._+~^]</c> (no '-'), hence <c>[A-Za-z0-9.+~]</c>.
/// </summary>
public static partial class VersionRules
{
    // Patterns end in \z, not $: in .NET $ also matches before a final newline ("1\n" would pass).
    [GeneratedRegex(@"^v?(?:(?<epoch>\d+)!)?(?<release>\d+(?:\.\d+)*)" +
                    @"(?:[-_.]?(?<prel>alpha|beta|preview|pre|a|b|c|rc)[-_.]?(?<pren>\d+)?)?" +
                    @"(?<post>-(?<postn1>\d+)|[-_.]?(?:post|rev|r)[-_.]?(?<postn2>\d+)?)?" +
                    @"(?<dev>[-_.]?dev[-_.]?(?<devn>\d+)?)?" +
                    @"(?:\+(?<local>[a-z0-9]+(?:[-_.][a-z0-9]+)*))?\z", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Pep440();

    [GeneratedRegex(@"^[0-9][A-Za-z0-9.+~]*\z")]
    private static partial Regex NativeUpstream();

    [GeneratedRegex(@"^[A-Za-z0-9.+~]+\z")]
    private static partial Regex NativeRelease();

    /// <summary>Parses the user's version (PEP 440 or already in package form) and release into a <see cref="PackageVersion"/>.</summary>
    public static PackageVersion Parse(string version, string release, string where)
    {
        var (epoch, upstream) = MapUpstream(version, where);
        ValidateRelease(release, where);
        return new PackageVersion(epoch, upstream, release);
    }

    public static (int Epoch, string Upstream) MapUpstream(string version, string where)
    {
        if (string.IsNullOrEmpty(version))
            throw new UsageException($"{where}: the version is empty: give one such as 1.0.0");
        if (version.Any(char.IsWhiteSpace))
            throw new UsageException($"{where}: version '{Printable.Escape(version)}' contains whitespace: write it without spaces (e.g. 1.0~beta1)");

        var m = Pep440().Match(version);
        if (m.Success)
            return (ParseEpoch(m.Groups["epoch"], version, where), FromPep440(m));

        if (NativeUpstream().IsMatch(version) && !version.Contains(".."))
            return (0, version);

        throw new UsageException(
            $"{where}: version '{Printable.Escape(version)}' is neither PEP 440 nor a version dpkg and rpm both accept: " +
            "start with a digit and use only letters, digits, '.', '+' and '~' (e.g. 1.4.2 or 1.4.2rc1)");
    }

    private static int ParseEpoch(Group group, string version, string where)
    {
        if (!group.Success)
            return 0;
        if (!int.TryParse(group.Value, out var epoch))
            throw new UsageException($"{where}: the epoch of version '{version}' is too large: use a small number");
        return epoch;
    }

    private static string FromPep440(Match m)
    {
        var sb = new StringBuilder(m.Groups["release"].Value);
        if (m.Groups["prel"].Success)
        {
            var label = m.Groups["prel"].Value.ToLowerInvariant() switch
            {
                "alpha" or "a" => "a",
                "beta" or "b" => "b",
                _ => "rc", // PEP 440: c, pre and preview are spellings of rc
            };
            sb.Append('~').Append(label).Append(m.Groups["pren"].Success ? TrimZeros(m.Groups["pren"].Value) : "0");
        }
        var postNumber = m.Groups["postn1"].Success ? m.Groups["postn1"] : m.Groups["postn2"];
        if (m.Groups["post"].Success)
            sb.Append("+post").Append(postNumber.Success ? TrimZeros(postNumber.Value) : "0");
        if (m.Groups["dev"].Success)
        {
            // A dev release of a final version sorts before its alphas: two tildes; of a pre/post release, one.
            var tildes = m.Groups["prel"].Success || m.Groups["post"].Success ? "~" : "~~";
            sb.Append(tildes).Append("dev").Append(m.Groups["devn"].Success ? TrimZeros(m.Groups["devn"].Value) : "0");
        }
        if (m.Groups["local"].Success)
            sb.Append('+').Append(m.Groups["local"].Value.ToLowerInvariant().Replace('-', '.').Replace('_', '.'));
        return sb.ToString();
    }

    private static string TrimZeros(string digits) => digits.TrimStart('0') is { Length: > 0 } t ? t : "0";

    public static void ValidateRelease(string release, string where)
    {
        if (string.IsNullOrEmpty(release) || !NativeRelease().IsMatch(release) || release.Contains(".."))
            throw new UsageException(
                $"{where}: release '{Printable.Escape(release)}' is not valid for both dpkg and rpm: use letters, digits, '.', '+' or '~' (e.g. 1)");
    }
}
