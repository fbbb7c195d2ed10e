using System.Text;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Writers.Deb;

/// <summary>
/// Renders the binary package stanza (deb-control(5), Debian Policy §5.3) from the model. Every value is a
/// single line except Description, which is folded as Policy §5.6.13 requires (continuation lines start
/// with a space, an empty line is written " ."), so no value can start a new field.
/// </summary>
public static class DebControlFile
{
    private static readonly (string Field, RelationKind Kind)[] RelationFields =
    {
        ("Pre-Depends", RelationKind.PreDepends),
        ("Depends", RelationKind.Depends),
        ("Recommends", RelationKind.Recommends),
        ("Suggests", RelationKind.Suggests),
        ("Breaks", RelationKind.Breaks),
        ("Conflicts", RelationKind.Conflicts),
        ("Provides", RelationKind.Provides),
        ("Replaces", RelationKind.Replaces),
    };

    public static string Render(PackageModel model, long installedSizeKiB)
    {
        var sb = new StringBuilder();
        void Field(string name, string value)
        {
            if (value.Length == 0)
                return;
            if (value.IndexOfAny(['\n', '\r']) >= 0)
                throw new UsageException($"{name.ToLowerInvariant()}: '{Printable.Escape(value)}' must be a single line");
            sb.Append(name).Append(": ").Append(value.Trim()).Append('\n');
        }

        var id = model.Identity;
        var meta = model.Metadata;
        Field("Package", id.Name);
        Field("Version", id.Version.Deb);
        Field("Architecture", id.Architecture.Deb);
        Field("Maintainer", meta.Maintainer);
        Field("Installed-Size", installedSizeKiB.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var (field, kind) in RelationFields)
            Field(field, string.Join(", ", model.Deb.Relations.Get(kind).Select(g => g.ToDeb())));
        Field("Section", meta.Section);
        Field("Priority", meta.Priority);
        Field("Homepage", meta.Homepage);
        sb.Append("Description: ").Append(FormatDescription(meta.Summary, meta.Description));
        return sb.ToString();
    }

    /// <summary>
    /// A stanza from a template must describe the package being written: the identity fields are
    /// compared with the model, so an override cannot make the control file lie about its payload.
    /// </summary>
    public static void CheckAgrees(string controlText, PackageModel model)
    {
        IReadOnlyDictionary<string, string> fields;
        try
        {
            fields = Reading.DebControlParser.Parse(controlText);
        }
        catch (InvalidDataException e)
        {
            throw new UsageException($"template deb/control: the rendered stanza is not valid deb822: {e.Message}");
        }
        var expected = new Dictionary<string, string>
        {
            ["Package"] = model.Identity.Name,
            ["Version"] = model.Identity.Version.Deb,
            ["Architecture"] = model.Identity.Architecture.Deb,
        };
        foreach (var (name, value) in expected)
            if (fields.GetValueOrDefault(name) != value)
                throw new UsageException($"template deb/control: field {name} is '{Printable.Escape(fields.GetValueOrDefault(name) ?? "")}' but the package is '{value}': use {{{{name}}}}, {{{{deb_version}}}} and {{{{deb_arch}}}}");
    }

    /// <summary>Synopsis on the first line, then the extended description, each line prefixed by one space.</summary>
    public static string FormatDescription(string summary, string description)
    {
        var sb = new StringBuilder(summary.Trim()).Append('\n');
        var body = description.Replace("\r\n", "\n").Trim('\n');
        if (body.Length == 0 || body.Trim() == summary.Trim())
            return sb.ToString();
        foreach (var line in body.Split('\n'))
        {
            var text = line.TrimEnd();
            sb.Append(text.Trim().Length == 0 || text.Trim() == "." ? " ." : " " + text).Append('\n');
        }
        return sb.ToString();
    }
}
