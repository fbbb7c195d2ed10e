using System.Collections.Immutable;

namespace Pkgify.Core.Model;

/// <summary>
/// One entry of a package's changelog, in no family's syntax: Debian renders it as a deb-changelog(5)
/// stanza (changelog.Debian.gz), RPM as one CHANGELOGTIME/CHANGELOGNAME/CHANGELOGTEXT triple and the
/// spec's <c>%changelog</c> entry. Every family's text comes from this one record, so they cannot disagree.
/// </summary>
/// <param name="Time">When, in seconds since 1970-01-01 UTC (the build's SOURCE_DATE_EPOCH).</param>
/// <param name="Author">"Full Name &lt;email&gt;".</param>
/// <param name="Version">The package version the entry describes.</param>
/// <param name="Changes">One line per change, without the family's bullet ("  * " or "- ").</param>
public sealed record ChangelogEntry(long Time, string Author, PackageVersion Version, ImmutableArray<string> Changes);
