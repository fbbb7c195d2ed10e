using Pkgify.Core.Model;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// CHANGELOGTIME (INT32[]), CHANGELOGNAME and CHANGELOGTEXT (STRING_ARRAY), one element per entry, newest
/// first (formats.md §2.13), holding what rpmbuild stores for the %changelog the rendered spec prints, so
/// that `rpm -qp --changelog` shows the same text for either package.
/// </summary>
internal static class RpmChangelog
{
    private const long SecondsPerDay = 86_400;

    /// <summary>
    /// A spec's "* Tue Nov 14 2023" line has no time of day; rpmbuild 4.18 stores 12:00 UTC of that day
    /// (checked: the same value under TZ=UTC and TZ=Asia/Tokyo), so the entry's time is rounded the same way.
    /// </summary>
    private const long Noon = SecondsPerDay / 2;

    /// <summary>Adds the three tags; an empty changelog adds none (rpm refuses empty arrays, rpmbuild omits them).</summary>
    public static void AddTo(RpmHeaderBuilder header, IReadOnlyList<ChangelogEntry> changelog)
    {
        if (changelog.Count == 0)
            return;
        header.AddInt32(RpmTags.ChangelogTime, changelog.Select(e => unchecked((int)(e.Time - e.Time % SecondsPerDay + Noon))).ToList());
        // rpmbuild's CHANGELOGNAME is the rest of the "*" line after the date: "Author - [E:]V-R" by convention.
        header.AddStringArray(RpmTags.ChangelogName, changelog.Select(e => $"{e.Author} - {e.Version.RpmEvr}").ToList());
        // ...and CHANGELOGTEXT the lines below it, each change a "- " item, trailing white space removed.
        header.AddStringArray(RpmTags.ChangelogText, changelog.Select(e => string.Join('\n', e.Changes.Select(c => "- " + c)).TrimEnd()).ToList());
    }
}
