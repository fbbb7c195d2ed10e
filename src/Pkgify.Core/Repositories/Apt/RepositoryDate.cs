using System.Globalization;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>Release's Date field: RFC 2822 in UTC, which apt requires (formats.md §3.3).</summary>
public static class RepositoryDate
{
    /// <summary>"Sat, 21 Nov 2026 19:09:38 UTC" for <paramref name="secondsSinceEpoch"/>, the same on every host and locale.</summary>
    public static string Format(long secondsSinceEpoch) =>
        DateTimeOffset.FromUnixTimeSeconds(secondsSinceEpoch).UtcDateTime
            .ToString("ddd, dd MMM yyyy HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);
}
