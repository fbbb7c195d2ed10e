using System.Text.RegularExpressions;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Validation;

/// <summary>Install paths, link targets and account names that are safe to put in archives and scripts.</summary>
public static partial class PathRules
{
    /// <summary>
    /// Normalizes an install path to <c>/a/b</c>: absolute, no empty, '.' or '..' components, no trailing
    /// slash, no NUL or newline (those would corrupt md5sums, conffiles and RPM string arrays).
    /// </summary>
    public static string Normalize(string path, string what)
    {
        if (string.IsNullOrEmpty(path) || path[0] != '/')
            throw new UsageException($"{what} '{Printable.Escape(path)}': install paths must be absolute (start with '/')");
        if (path.IndexOfAny(['\0', '\n', '\r']) >= 0)
            throw new UsageException($"{what} '{Printable.Escape(path)}': contains a NUL or line break: rename it");
        if (path.Contains('\uFFFD'))
            throw new UsageException($"{what} '{Printable.Escape(path)}': the name is not valid UTF-8: rename it");
        // A tree scan gives paths that are normalized already: keep those strings (no copy per file of 100,000).
        if (IsNormalized(path))
            return path;
        var parts = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Any(p => p is "." or ".."))
            throw new UsageException($"{what} '{Printable.Escape(path)}': '.' and '..' are not allowed in install paths");
        if (parts.Length == 0)
            throw new UsageException($"{what} '/': the root directory itself cannot be a package file");
        return "/" + string.Join('/', parts);
    }

    /// <summary>
    /// Whether <paramref name="path"/> (absolute, already checked for NUL, line breaks and U+FFFD) is in the
    /// form <see cref="Normalize"/> returns: components neither empty nor '.' or '..', no trailing slash.
    /// </summary>
    private static bool IsNormalized(string path)
    {
        int start = 1;
        while (true)
        {
            int end = path.IndexOf('/', start);
            var component = path.AsSpan(start, (end < 0 ? path.Length : end) - start);
            if (component.IsEmpty || component is "." or "..")
                return false;
            if (end < 0)
                return true;
            start = end + 1;
        }
    }

    /// <summary>An install prefix: "/" or a normalized absolute directory path.</summary>
    public static string NormalizePrefix(string prefix) =>
        prefix.Trim('/') == "" && prefix.StartsWith('/') ? "/" : Normalize(prefix, "prefix");

    public static void ValidateLinkTarget(string target, string path)
    {
        if (string.IsNullOrEmpty(target))
            throw new UsageException($"symlink {Printable.Escape(path)}: empty target");
        if (target.IndexOfAny(['\0', '\n', '\r']) >= 0)
            throw new UsageException($"symlink {Printable.Escape(path)}: target contains a NUL or line break");
    }

    // \z, not $: in .NET $ also matches before a final newline.
    [GeneratedRegex(@"^[a-z_][a-z0-9_-]*[$]?\z")]
    private static partial Regex AccountName();

    /// <summary>Owner and group names as useradd(8) accepts them (NAME_REGEX default), at most 32 characters.</summary>
    public static void ValidateAccountName(string name, string path)
    {
        if (name.Length > 32 || !AccountName().IsMatch(name))
            throw new UsageException($"file {Printable.Escape(path)}: owner/group '{Printable.Escape(name)}' is not a valid account name: use lowercase letters, digits, '_' and '-'");
    }
}
