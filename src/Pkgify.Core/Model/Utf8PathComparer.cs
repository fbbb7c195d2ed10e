namespace Pkgify.Core.Model;

/// <summary>
/// Orders paths by their UTF-8 bytes, the order rpmbuild sorts file lists in (formats.md §2.7) and the
/// order tar/LC_ALL=C tools use. .NET's ordinal comparison works on UTF-16 code units, which differs for
/// characters above U+FFFF, so compare by code point, which is the UTF-8 byte order (RFC 3629 §1).
/// </summary>
/// <remarks>
/// Without encoding: two strings agree up to their first differing code unit; there, a surrogate (part of
/// a character above U+FFFF) sorts after any other code unit, and otherwise code units compare as code
/// points do. Encoding both strings per comparison cost a third of the model's build time on 12,000 files.
/// </remarks>
public sealed class Utf8PathComparer : IComparer<string>
{
    public static readonly Utf8PathComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int i = x.AsSpan().CommonPrefixLength(y);
        if (i == x.Length || i == y.Length)
            return x.Length.CompareTo(y.Length);
        char a = x[i], b = y[i];
        bool sa = char.IsSurrogate(a), sb = char.IsSurrogate(b);
        if (sa != sb)
            return sa ? 1 : -1;
        return a.CompareTo(b);
    }
}
