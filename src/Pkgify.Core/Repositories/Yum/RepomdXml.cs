using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using static Pkgify.Core.Repositories.Yum.MetadataNamespaces;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>repomd.xml (formats.md §4.2): the revision and one &lt;data&gt; entry per metadata file.</summary>
public static class RepomdXml
{
    /// <summary>Far above any real repomd.xml; bounds what a hostile one costs to read.</summary>
    private const long MaxBytes = 16L << 20;

    /// <summary>The document's bytes for <paramref name="records"/>, revision <paramref name="revision"/>.</summary>
    public static byte[] Build(long revision, IEnumerable<RepomdRecord> records)
    {
        using var buffer = new MemoryStream();
        using (var w = XmlWriter.Create(buffer, XmlText.Settings))
        {
            w.WriteStartDocument();
            w.WriteStartElement("repomd", Repo);
            w.WriteAttributeString("xmlns", RpmPrefix, null, Rpm);
            w.WriteElementString("revision", Repo, revision.ToString(CultureInfo.InvariantCulture));
            foreach (var r in records)
            {
                w.WriteStartElement("data", Repo);
                w.WriteAttributeString("type", r.Type);
                Checksum(w, "checksum", r.Checksum);
                Checksum(w, "open-checksum", r.OpenChecksum);
                w.WriteStartElement("location", Repo);
                w.WriteAttributeString("href", r.Location);
                w.WriteEndElement();
                w.WriteElementString("timestamp", Repo, r.Timestamp.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("size", Repo, r.Size.ToString(CultureInfo.InvariantCulture));
                w.WriteElementString("open-size", Repo, r.OpenSize.ToString(CultureInfo.InvariantCulture));
                w.WriteEndElement();
            }

            w.WriteEndElement();
            w.WriteEndDocument();
        }

        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>
    /// The &lt;data&gt; entries of an existing repomd.xml (any kind, including createrepo_c's databases), for
    /// verification and to keep the previous generation's files. A damaged document is an <see cref="InvalidDataException"/>.
    /// </summary>
    public static IReadOnlyList<RepomdRecord> Read(string path)
    {
        var info = new FileInfo(path);
        if (info.Length > MaxBytes)
            throw new InvalidDataException($"repomd.xml is {info.Length} bytes: too large");
        XDocument doc;
        try
        {
            using var stream = info.OpenRead();
            // No DTD: a hostile repomd.xml must not expand entities or fetch anything.
            using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
            doc = XDocument.Load(reader, LoadOptions.None);
        }
        catch (XmlException e)
        {
            throw new InvalidDataException($"repomd.xml is not well-formed XML: {e.Message}", e);
        }

        XNamespace ns = Repo;
        return doc.Root?.Elements(ns + "data").Select(d => new RepomdRecord(
            (string?)d.Attribute("type") ?? "",
            (string?)d.Element(ns + "checksum") ?? "",
            (string?)d.Element(ns + "open-checksum") ?? "",
            (string?)d.Element(ns + "location")?.Attribute("href") ?? "",
            Number(d.Element(ns + "timestamp")),
            Number(d.Element(ns + "size")),
            Number(d.Element(ns + "open-size")))).ToList() ?? [];
    }

    private static long Number(XElement? e) =>
        long.TryParse(e?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1;

    private static void Checksum(XmlWriter w, string name, string value)
    {
        w.WriteStartElement(name, Repo);
        w.WriteAttributeString("type", "sha256");
        w.WriteString(value);
        w.WriteEndElement();
    }
}
