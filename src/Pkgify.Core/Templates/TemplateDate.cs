using System.Globalization;

namespace Pkgify.Core.Templates;

/// <summary>The build date (SOURCE_DATE_EPOCH, UTC) in the spellings the templates need.</summary>
/// <param name="Rfc2822">Debian changelog trailer date (RFC 2822, deb-changelog(5)), e.g. "Tue, 14 Nov 2023 22:13:20 +0000".</param>
/// <param name="RpmChangelog">RPM %changelog date, e.g. "Tue Nov 14 2023".</param>
/// <param name="Year">Four-digit year, e.g. "2023".</param>
public sealed record TemplateDate(string Rfc2822, string RpmChangelog, string Year)
{
    /// <summary>The date of <paramref name="sourceDateEpoch"/> seconds after 1970-01-01 UTC.</summary>
    public static TemplateDate FromEpoch(long sourceDateEpoch)
    {
        var date = DateTimeOffset.FromUnixTimeSeconds(sourceDateEpoch);
        var invariant = CultureInfo.InvariantCulture;
        return new TemplateDate(
            Rfc2822: date.ToString("ddd, dd MMM yyyy HH:mm:ss '+0000'", invariant),
            RpmChangelog: date.ToString("ddd MMM dd yyyy", invariant),
            Year: date.ToString("yyyy", invariant));
    }
}
