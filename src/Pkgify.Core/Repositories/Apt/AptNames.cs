using System.Text.RegularExpressions;
using Pkgify.Core.Errors;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Checks the names that become paths or Release fields. Package fields come from .deb files pkgify did not
/// write, so they are checked before they name a file in the pool (a Package of "../../x" must not escape it).
/// </summary>
public static partial class AptNames
{
    // Debian Policy §5.6.1 (Package), §5.6.12 (Version: epoch, upstream, revision characters), dpkg-architecture(1).
    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex PackageName();

    [GeneratedRegex("^([0-9]+:)?[0-9][A-Za-z0-9.+~-]*$")]
    private static partial Regex VersionText();

    [GeneratedRegex("^[a-z0-9][a-z0-9-]*$")]
    private static partial Regex ArchitectureName();

    // A dists/ suite or a component: '/'-separated segments such as "stable" or "updates/main" (sources.list(5)).
    [GeneratedRegex("^[A-Za-z0-9_+~-][A-Za-z0-9._+~-]*(/[A-Za-z0-9_+~-][A-Za-z0-9._+~-]*)*$")]
    private static partial Regex PathName();

    /// <summary>Refuses a --dist or --component that is not a plain relative path (no "..", no empty segment).</summary>
    public static string CheckPath(string option, string value)
    {
        if (!PathName().IsMatch(value) || value.Split('/').Any(s => s is "." or ".."))
        {
            throw new UsageException($"{option} '{Printable.Escape(value)}': use letters, digits and . _ + ~ - (segments separated by '/')");
        }

        return value;
    }

    /// <summary>Refuses an --arch that is not a Debian architecture name; "all" is not an index of its own.</summary>
    public static string CheckArchitecture(string value)
    {
        if (!ArchitectureName().IsMatch(value) || value == "all")
        {
            throw new UsageException($"--arch '{Printable.Escape(value)}': give Debian architecture names such as amd64 or arm64 ('all' packages go into every index)");
        }

        return value;
    }

    /// <summary>Refuses a Release field value (Origin, Label, Suite, Codename) that would break the file's syntax.</summary>
    public static string? CheckField(string option, string? value, bool allowSpaces)
    {
        if (value is null)
        {
            return null;
        }

        var trimmed = value.Trim();
        if (trimmed.Length == 0 || trimmed.Any(char.IsControl) || (!allowSpaces && trimmed.Any(char.IsWhiteSpace)))
        {
            throw new UsageException($"{option} '{Printable.Escape(value)}': give one line of text{(allowSpaces ? "" : " without spaces")}");
        }

        return trimmed;
    }

    /// <summary>Why the Package, Version, Architecture or Source of a .deb cannot name a pool path, or null when they can.</summary>
    public static string? ProblemWithPackage(IReadOnlyDictionary<string, string> fields)
    {
        if (!PackageName().IsMatch(fields["Package"]))
            return $"Package '{Printable.Escape(fields["Package"])}' is not a valid Debian package name";
        if (!VersionText().IsMatch(fields["Version"]))
            return $"Version '{Printable.Escape(fields["Version"])}' is not a valid Debian version";
        if (!ArchitectureName().IsMatch(fields["Architecture"]))
            return $"Architecture '{Printable.Escape(fields["Architecture"])}' is not a valid Debian architecture";
        return SourceName(fields) is { } source && !PackageName().IsMatch(source)
            ? $"Source '{Printable.Escape(source)}' is not a valid Debian package name"
            : null;
    }

    /// <summary>The source package name: the Source field without its "(version)", or null when absent.</summary>
    public static string? SourceName(IReadOnlyDictionary<string, string> fields) =>
        fields.TryGetValue("Source", out var source) ? source.Split(' ', 2)[0].Trim() : null;
}
