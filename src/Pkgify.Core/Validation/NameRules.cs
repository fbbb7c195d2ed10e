using System.Text.RegularExpressions;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Validation;

/// <summary>
/// Package names valid for both families. Debian Policy §5.6.7: lowercase letters, digits, '+', '-', '.',
/// at least two characters, starting with an alphanumeric (dpkg-deb -b enforces it). rpm (parsePreamble.c
/// rpmCharCheck) allows a superset of that, so the Debian rule is the one to apply.
/// </summary>
public static partial class NameRules
{
    // \z, not $: in .NET $ also matches before a final newline, which would let "name\n" through.
    [GeneratedRegex(@"^[a-z0-9][a-z0-9+.-]+\z")]
    private static partial Regex DebianName();

    public static bool IsValidPackageName(string name) => DebianName().IsMatch(name);

    public static void ValidatePackageName(string name, string where)
    {
        if (IsValidPackageName(name))
            return;
        var suggestion = Suggest(name);
        var hint = suggestion is null ? "" : $" (try '{suggestion}')";
        throw new UsageException(
            $"{where}: invalid package name '{Printable.Escape(name)}': use lowercase letters, digits, '+', '-' and '.', " +
            $"at least 2 characters, starting with a letter or digit{hint}");
    }

    private static string? Suggest(string name)
    {
        var candidate = Regex.Replace(name.ToLowerInvariant().Replace('_', '-'), "[^a-z0-9+.-]", "");
        candidate = candidate.TrimStart('+', '-', '.');
        return IsValidPackageName(candidate) ? candidate : null;
    }
}
