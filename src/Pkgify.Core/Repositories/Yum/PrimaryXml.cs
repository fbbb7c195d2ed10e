using System.Globalization;
using System.Xml;
using static Pkgify.Core.Repositories.Yum.MetadataNamespaces;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>
/// primary.xml (formats.md §4.3): one &lt;package type="rpm"&gt; per rpm with name, arch, version, the pkgid
/// checksum, texts, times, sizes, location and &lt;format&gt; (license..., header range, dependency lists,
/// primary-set files), elements in createrepo_c's order.
/// </summary>
public static class PrimaryXml
{
    /// <summary>Opens the document for <paramref name="count"/> packages.</summary>
    public static void Start(XmlWriter w, int count)
    {
        w.WriteStartDocument();
        w.WriteStartElement("metadata", Common);
        w.WriteAttributeString("xmlns", RpmPrefix, null, Rpm);
        w.WriteAttributeString("packages", count.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the &lt;package&gt; of <paramref name="p"/>.</summary>
    public static void Write(XmlWriter w, RpmMetadata p)
    {
        w.WriteStartElement("package", Common);
        w.WriteAttributeString("type", "rpm");
        XmlText.Element(w, null, "name", Common, p.Name);
        XmlText.Element(w, null, "arch", Common, p.Arch);
        Version(w, Common, p);
        w.WriteStartElement("checksum", Common);
        w.WriteAttributeString("type", "sha256");
        w.WriteAttributeString("pkgid", "YES");
        w.WriteString(p.PkgId);
        w.WriteEndElement();
        XmlText.Element(w, null, "summary", Common, p.Summary);
        XmlText.Element(w, null, "description", Common, p.Description);
        XmlText.Element(w, null, "packager", Common, p.Packager);
        XmlText.Element(w, null, "url", Common, p.Url);
        Empty(w, "time", ("file", p.FileTime), ("build", p.BuildTime));
        Empty(w, "size", ("package", p.PackageSize), ("installed", p.InstalledSize), ("archive", p.ArchiveSize));
        w.WriteStartElement("location", Common);
        XmlText.Attribute(w, "href", p.Location);
        w.WriteEndElement();
        Format(w, p);
        w.WriteEndElement();
    }

    /// <summary>Closes the document.</summary>
    public static void End(XmlWriter w)
    {
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>&lt;version epoch ver rel/&gt;, shared with filelists.xml and other.xml.</summary>
    public static void Version(XmlWriter w, string ns, RpmMetadata p)
    {
        w.WriteStartElement("version", ns);
        XmlText.Attribute(w, "epoch", p.Epoch);
        XmlText.Attribute(w, "ver", p.Version);
        XmlText.Attribute(w, "rel", p.Release);
        w.WriteEndElement();
    }

    private static void Format(XmlWriter w, RpmMetadata p)
    {
        w.WriteStartElement("format", Common);
        XmlText.Element(w, RpmPrefix, "license", Rpm, p.License);
        XmlText.Element(w, RpmPrefix, "vendor", Rpm, p.Vendor);
        XmlText.Element(w, RpmPrefix, "group", Rpm, p.Group);
        XmlText.Element(w, RpmPrefix, "buildhost", Rpm, p.BuildHost);
        XmlText.Element(w, RpmPrefix, "sourcerpm", Rpm, p.SourceRpm);
        w.WriteStartElement(RpmPrefix, "header-range", Rpm);
        w.WriteAttributeString("start", p.HeaderStart.ToString(CultureInfo.InvariantCulture));
        w.WriteAttributeString("end", p.HeaderEnd.ToString(CultureInfo.InvariantCulture));
        w.WriteEndElement();
        foreach (var (element, entries) in p.Dependencies)
        {
            w.WriteStartElement(RpmPrefix, element, Rpm);
            foreach (var entry in entries)
            {
                Entry(w, entry);
            }

            w.WriteEndElement();
        }

        foreach (var (path, type) in p.Files.Where(f => PrimaryFiles.IsPrimary(f.Path)))
        {
            File(w, Common, path, type);
        }

        w.WriteEndElement();
    }

    private static void Entry(XmlWriter w, RpmDependencyEntry e)
    {
        w.WriteStartElement(RpmPrefix, "entry", Rpm);
        XmlText.Attribute(w, "name", e.Name);
        if (e.Flags is not null)
        {
            w.WriteAttributeString("flags", e.Flags);
            XmlText.Attribute(w, "epoch", e.Epoch!);
            XmlText.Attribute(w, "ver", e.Version!);
            if (e.Release is not null)
            {
                XmlText.Attribute(w, "rel", e.Release);
            }
        }

        if (e.Pre)
        {
            w.WriteAttributeString("pre", "1");
        }

        w.WriteEndElement();
    }

    /// <summary>&lt;file [type="dir|ghost"]&gt;path&lt;/file&gt;, shared with filelists.xml.</summary>
    public static void File(XmlWriter w, string ns, string path, string? type)
    {
        w.WriteStartElement("file", ns);
        if (type is not null)
        {
            w.WriteAttributeString("type", type);
        }

        w.WriteString(XmlText.Clean(path));
        w.WriteEndElement();
    }

    private static void Empty(XmlWriter w, string name, params (string Name, long Value)[] attributes)
    {
        w.WriteStartElement(name, Common);
        foreach (var (attribute, value) in attributes)
        {
            w.WriteAttributeString(attribute, value.ToString(CultureInfo.InvariantCulture));
        }

        w.WriteEndElement();
    }
}
