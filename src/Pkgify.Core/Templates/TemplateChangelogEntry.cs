using Pkgify.Core.Model;

namespace Pkgify.Core.Templates;

/// <summary>A changelog entry as templates see it (<c>changelog[]</c>): the model's entry in each family's spelling.</summary>
/// <param name="Author">"Full Name &lt;email&gt;".</param>
/// <param name="DebVersion">The entry's full Debian version, e.g. "1:1.4.2~rc1-1".</param>
/// <param name="RpmEvr">The entry's RPM [epoch:]version-release, as rpmbuild's %changelog lines end.</param>
/// <param name="Date">The entry's date.</param>
/// <param name="Changes">One line per change, without a bullet.</param>
public sealed record TemplateChangelogEntry(string Author, string DebVersion, string RpmEvr, TemplateDate Date, IReadOnlyList<string> Changes)
{
    public static TemplateChangelogEntry From(ChangelogEntry entry) =>
        new(entry.Author, entry.Version.Deb, entry.Version.RpmEvr, TemplateDate.FromEpoch(entry.Time), entry.Changes);
}
