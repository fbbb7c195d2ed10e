using System.Text;

namespace Pkgify.Core.Model;

/// <summary>
/// Orders paths by their UTF-8 bytes, the order rpmbuild sorts file lists in (formats.md §2.7) and the
/// order tar/LC_ALL=C tools use. .NET's ordinal comparison works on UTF-16 code units, which differs for
/// characters above U+FFFF, so compare the encoded bytes.
/// </summary>
public sealed class Utf8PathComparer : IComparer<string>
{
    public static readonly Utf8PathComparer Instance = new();

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        var bx = Encoding.UTF8.GetBytes(x);
        var by = Encoding.UTF8.GetBytes(y);
        return bx.AsSpan().SequenceCompareTo(by);
    }
}
