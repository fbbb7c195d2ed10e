using System.Globalization;
using System.Xml;
using static Pkgify.Core.Repositories.Yum.MetadataNamespaces;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>other.xml (formats.md §4.4): the changelog of every package.</summary>
public static class OtherXml
{
    /// <summary>Opens the document for <paramref name="count"/> packages.</summary>
    public static void Start(XmlWriter w, int count)
    {
        w.WriteStartDocument();
        w.WriteStartElement("otherdata", Other);
        w.WriteAttributeString("packages", count.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Writes the &lt;package&gt; of <paramref name="p"/>.</summary>
    public static void Write(XmlWriter w, RpmMetadata p)
    {
        FilelistsXml.PackageStart(w, Other, p);
        foreach (var (author, date, text) in p.Changelog)
        {
            w.WriteStartElement("changelog", Other);
            XmlText.Attribute(w, "author", author);
            w.WriteAttributeString("date", date.ToString(CultureInfo.InvariantCulture));
            w.WriteString(XmlText.Clean(text));
            w.WriteEndElement();
        }

        w.WriteEndElement();
    }

    /// <summary>Closes the document.</summary>
    public static void End(XmlWriter w)
    {
        w.WriteEndElement();
        w.WriteEndDocument();
    }
}
