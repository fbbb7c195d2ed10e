namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Where a .deb lives in the pool, as Debian's archive lays it out (formats.md §3.1):
/// <c>pool/&lt;component&gt;/&lt;prefix&gt;/&lt;source&gt;/&lt;name&gt;_&lt;version&gt;_&lt;arch&gt;.deb</c>, prefix being the source's
/// first letter, or "lib" and the next letter for lib* sources (so no directory grows too large).
/// </summary>
public static class AptPoolLayout
{
    /// <summary>The pool directory name under the repository root.</summary>
    public const string PoolDirectory = "pool";

    private const string LibPrefix = "lib";

    /// <summary>
    /// The '/'-separated path of the package relative to the repository root. The file name is the canonical
    /// one, not the name the file arrived with; the epoch is left out as in Debian's archive (a ':' in a file
    /// name breaks URLs and Windows mirrors).
    /// </summary>
    public static string PathFor(IReadOnlyDictionary<string, string> fields, string component)
    {
        var name = fields["Package"];
        var source = AptNames.SourceName(fields) ?? name;
        var version = fields["Version"];
        var colon = version.IndexOf(':');
        var withoutEpoch = colon < 0 ? version : version[(colon + 1)..];
        var prefix = source.StartsWith(LibPrefix, StringComparison.Ordinal) && source.Length > LibPrefix.Length
            ? source[..(LibPrefix.Length + 1)]
            : source[..1];
        return $"{PoolDirectory}/{component}/{prefix}/{source}/{name}_{withoutEpoch}_{fields["Architecture"]}.deb";
    }
}
