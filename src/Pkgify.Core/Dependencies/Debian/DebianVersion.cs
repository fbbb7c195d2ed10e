namespace Pkgify.Core.Dependencies.Debian;

/// <summary>
/// Orders Debian versions the way dpkg does (deb-version(7)): epoch numerically, then upstream version and
/// revision compared in alternating non-digit / digit runs, where '~' sorts before anything, even the end.
/// </summary>
public static class DebianVersion
{
    /// <summary>Negative, zero or positive as <paramref name="a"/> is lower than, equal to or higher than <paramref name="b"/>.</summary>
    public static int Compare(string a, string b)
    {
        var (epochA, upstreamA, revisionA) = Split(a);
        var (epochB, upstreamB, revisionB) = Split(b);
        var byEpoch = epochA.CompareTo(epochB);
        if (byEpoch != 0)
            return byEpoch;
        var byUpstream = CompareRuns(upstreamA, upstreamB);
        return byUpstream != 0 ? byUpstream : CompareRuns(revisionA, revisionB);
    }

    private static (long Epoch, string Upstream, string Revision) Split(string version)
    {
        var colon = version.IndexOf(':');
        long epoch = 0;
        if (colon > 0 && long.TryParse(version.AsSpan(0, colon), out var e))
        {
            epoch = e;
            version = version[(colon + 1)..];
        }
        var dash = version.LastIndexOf('-');
        return dash >= 0 ? (epoch, version[..dash], version[(dash + 1)..]) : (epoch, version, "");
    }

    // dpkg's verrevcmp: non-digit runs compare character by character with Order(), digit runs numerically.
    private static int CompareRuns(string a, string b)
    {
        int i = 0, j = 0;
        while (i < a.Length || j < b.Length)
        {
            while ((i < a.Length && !char.IsAsciiDigit(a[i])) || (j < b.Length && !char.IsAsciiDigit(b[j])))
            {
                var ca = i < a.Length ? Order(a[i]) : 0;
                var cb = j < b.Length ? Order(b[j]) : 0;
                if (ca != cb)
                    return ca - cb;
                i++;
                j++;
            }
            while (i < a.Length && a[i] == '0') i++;
            while (j < b.Length && b[j] == '0') j++;
            var firstDifference = 0;
            while (i < a.Length && char.IsAsciiDigit(a[i]) && j < b.Length && char.IsAsciiDigit(b[j]))
            {
                if (firstDifference == 0)
                    firstDifference = a[i] - b[j];
                i++;
                j++;
            }
            if (i < a.Length && char.IsAsciiDigit(a[i]))
                return 1;
            if (j < b.Length && char.IsAsciiDigit(b[j]))
                return -1;
            if (firstDifference != 0)
                return firstDifference;
        }
        return 0;
    }

    // Letters sort before non-letters; '~' before everything including the end of the string.
    private const int NonLetterOffset = 256;

    private static int Order(char c) =>
        char.IsAsciiDigit(c) ? 0
        : char.IsAsciiLetter(c) ? c
        : c == '~' ? -1
        : c + NonLetterOffset;
}
