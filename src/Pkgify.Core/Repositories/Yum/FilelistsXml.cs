using System.Globalization;
using System.Xml;
using static Pkgify.Core.Repositories.Yum.MetadataNamespaces;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>filelists.xml (formats.md §4.4): every file of every package, directories and ghosts marked.</summary>
public static class FilelistsXml
{
    /// <summary>Opens the document for <paramref name="count"/> packages.</summary>
    public static void Start(XmlWriter w, int count)
    {
        w.WriteStartDocument();
        w.WriteStartElement("filelists", Filelists);
        w.WriteAttributeString("packages", count.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the &lt;package&gt; of <paramref name="p"/>.</summary>
    public static void Write(XmlWriter w, RpmMetadata p)
    {
        PackageStart(w, Filelists, p);
        foreach (var (path, type) in p.Files)
        {
            PrimaryXml.File(w, Filelists, path, type);
        }

        w.WriteEndElement();
    }

    /// <summary>Closes the document.</summary>
    public static void End(XmlWriter w)
    {
        w.WriteEndElement();
        w.WriteEndDocument();
    }

    /// <summary>&lt;package pkgid name arch&gt;&lt;version/&gt;, the opening filelists.xml and other.xml share.</summary>
    public static void PackageStart(XmlWriter w, string ns, RpmMetadata p)
    {
        w.WriteStartElement("package", ns);
        w.WriteAttributeString("pkgid", p.PkgId);
        XmlText.Attribute(w, "name", p.Name);
        XmlText.Attribute(w, "arch", p.Arch);
        PrimaryXml.Version(w, ns, p);
    }
}
