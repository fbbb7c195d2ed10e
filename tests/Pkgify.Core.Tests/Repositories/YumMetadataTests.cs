using System.Xml.Linq;
using NUnit.Framework;
using Pkgify.Core.Repositories.Yum;
using Shouldly;

namespace Pkgify.Core.Tests.Repositories;

/// <summary>The pieces of the yum metadata writers that do not need an rpm (dnf and createrepo_c judge the rest).</summary>
public class YumMetadataTests
{
    [TestCase("plain", "plain")]
    [TestCase("tab\tnewline\ncr\r", "tab\tnewline\ncr\r")]
    [TestCase("bell\u0007nul\0", "bell\uFFFDnul\uFFFD")]
    [TestCase("emoji \U0001F600", "emoji \U0001F600")]
    [TestCase("\uFFFE\uFFFF", "\uFFFD\uFFFD")]
    public void Characters_xml_cannot_carry_become_the_replacement_character(string input, string expected) =>
        XmlText.Clean(input).ShouldBe(expected);

    [Test]
    public void A_lone_surrogate_becomes_the_replacement_character()
    {
        // Built at run time: an attribute argument cannot hold a lone surrogate intact.
        var input = "lone " + (char)0xD800 + " surrogate " + (char)0xDC00;
        XmlText.Clean(input).ShouldBe("lone \uFFFD surrogate \uFFFD");
    }

    [TestCase("/etc/x.conf", true)]
    [TestCase("/usr/bin/tool", true)]
    [TestCase("/opt/app/sbin/daemon", true)]
    [TestCase("/usr/lib/sendmail", true)]
    [TestCase("/opt/app/bin", false)]
    [TestCase("/usr/share/doc/x", false)]
    public void Primary_files_follow_createrepo_c(string path, bool primary) => PrimaryFiles.IsPrimary(path).ShouldBe(primary);

    [Test]
    public void Repomd_lists_each_file_with_checksums_sizes_and_timestamp_and_reads_back()
    {
        var record = new RepomdRecord("primary", new string('a', 64), new string('b', 64), "repodata/" + new string('a', 64) + "-primary.xml.gz", 1_700_000_000, 10, 20);
        var bytes = RepomdXml.Build(1_700_000_000, [record]);
        var doc = XDocument.Parse(System.Text.Encoding.UTF8.GetString(bytes));
        XNamespace repo = "http://linux.duke.edu/metadata/repo";
        doc.Root!.Name.ShouldBe(repo + "repomd");
        doc.Root.Element(repo + "revision")!.Value.ShouldBe("1700000000");
        var data = doc.Root.Element(repo + "data")!;
        data.Element(repo + "checksum")!.Attribute("type")!.Value.ShouldBe("sha256");
        data.Element(repo + "open-size")!.Value.ShouldBe("20");

        using var dir = new Pkgify.TestSupport.TempDir("repomd");
        var path = dir.Path("repomd.xml");
        File.WriteAllBytes(path, bytes);
        RepomdXml.Read(path).ShouldBe([record]);
    }

    [Test]
    public void A_hostile_repomd_with_a_DTD_is_refused()
    {
        using var dir = new Pkgify.TestSupport.TempDir("repomd");
        var path = dir.Path("repomd.xml");
        File.WriteAllText(path, "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><repomd>&a;</repomd>");
        Should.Throw<InvalidDataException>(() => RepomdXml.Read(path));
    }
}
