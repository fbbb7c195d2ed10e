using System.IO.Compression;
using System.Xml.Linq;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Repo;

/// <summary>
/// createrepo_c, the reference implementation, run on the same rpms, must describe the same packages as
/// `pkgify repo yum`: primary (names, versions, checksums, sizes, every dependency list, primary files),
/// filelists and other are compared as parsed XML, not as bytes.
/// </summary>
[NonParallelizable]
public class CreaterepoComparisonTests
{
    private static readonly XNamespace Repo = "http://linux.duke.edu/metadata/repo";
    private static readonly XNamespace Common = "http://linux.duke.edu/metadata/common";
    private static readonly XNamespace Rpm = "http://linux.duke.edu/metadata/rpm";
    private static readonly XNamespace Filelists = "http://linux.duke.edu/metadata/filelists";
    private static readonly XNamespace Other = "http://linux.duke.edu/metadata/other";

    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("createrepo");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void Createrepo_c_describes_the_same_packages_as_our_metadata()
    {
        ToolRunner.Require("createrepo_c");
        var ours = _tmp.Path("ours");
        var theirs = _tmp.Path("theirs");
        var rpms = new List<string>
        {
            RpmSpecs.Rich(_tmp.Path("rich")),
            RpmSpecs.Plain(_tmp.Path("plain"), "plain", "1.0"),
            RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, _tmp.Path("sample")),
            PackedRpm(),
        };
        foreach (var dir in new[] { ours, theirs })
        {
            Directory.CreateDirectory(Path.Combine(dir, "Packages"));
            foreach (var rpm in rpms)
            {
                var target = Path.Combine(dir, "Packages", Path.GetFileName(rpm));
                File.Copy(rpm, target);
                File.SetLastWriteTimeUtc(target, DateTime.UnixEpoch.AddSeconds(1_650_000_000));
            }
        }

        PkgifyCli.RunChecked("repo", "yum", ours, "--source-date-epoch", "1700000000");
        ToolRunner.RunChecked("createrepo_c", ["--no-database", theirs]);

        var expected = Load(theirs, "primary").Root!.Elements(Common + "package").ToDictionary(Pkgid);
        var actual = Load(ours, "primary").Root!.Elements(Common + "package").ToDictionary(Pkgid);
        actual.Keys.Order().ShouldBe(expected.Keys.Order());
        // The rich package exercises every dependency list: the comparison below covers them.
        var rich = expected.Values.Single(p => p.Element(Common + "name")!.Value == "rich-deps");
        Describe(rich).Count(l => l.StartsWith("entry ", StringComparison.Ordinal)).ShouldBeGreaterThan(10);
        foreach (var (pkgid, package) in expected)
            Describe(actual[pkgid]).ShouldBe(Describe(package), $"primary of {package.Element(Common + "name")!.Value}");

        var expectedFiles = Load(theirs, "filelists").Root!.Elements(Filelists + "package").ToDictionary(p => (string)p.Attribute("pkgid")!);
        var actualFiles = Load(ours, "filelists").Root!.Elements(Filelists + "package").ToDictionary(p => (string)p.Attribute("pkgid")!);
        foreach (var (pkgid, package) in expectedFiles)
            Flatten(actualFiles[pkgid]).ShouldBe(Flatten(package), $"filelists of {package.Attribute("name")}");

        var expectedOther = Load(theirs, "other").Root!.Elements(Other + "package").ToDictionary(p => (string)p.Attribute("pkgid")!);
        var actualOther = Load(ours, "other").Root!.Elements(Other + "package").ToDictionary(p => (string)p.Attribute("pkgid")!);
        foreach (var (pkgid, package) in expectedOther)
            Flatten(actualOther[pkgid]).ShouldBe(Flatten(package), $"other of {package.Attribute("name")}");
    }

    private string PackedRpm()
    {
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(Path.Combine(tree, "bin"));
        File.WriteAllText(Path.Combine(tree, "bin", "tool"), "#!/bin/sh\necho hi\n");
        Directory.CreateDirectory(Path.Combine(tree, "etc"));
        File.WriteAllText(Path.Combine(tree, "etc", "tool.conf"), "x=1\n");
        PkgifyCli.RunChecked("pack", tree, "--name", "packed", "--version", "1.0", "-f", "rpm", "-o", _tmp.Path("packed"),
            "--prefix", "/", "--config-file", "/etc/tool.conf", "--depends", "bash (>= 4)", "--source-date-epoch", "1700000000");
        return Directory.GetFiles(_tmp.Path("packed"), "*.rpm").Single();
    }

    private static string Pkgid(XElement package) => package.Element(Common + "checksum")!.Value;

    /// <summary>Every fact of a primary package as lines; the file time is left out (it is the .rpm's mtime, clamped by us).</summary>
    private static List<string> Describe(XElement package)
    {
        var lines = new List<string>();
        foreach (var element in package.Descendants())
        {
            if (element.Name == Common + "time")
            {
                lines.Add($"time build={element.Attribute("build")?.Value}");
                continue;
            }

            var attributes = string.Join(" ", element.Attributes().Where(a => !a.IsNamespaceDeclaration)
                .Select(a => $"{a.Name.LocalName}={a.Value}").Order(StringComparer.Ordinal));
            var text = element.HasElements ? "" : element.Value;
            lines.Add($"{element.Name.LocalName} [{attributes}] {text}");
        }

        return lines;
    }

    private static List<string> Flatten(XElement package) =>
        package.Descendants().Select(e => $"{e.Name.LocalName} [{string.Join(" ", e.Attributes().Select(a => $"{a.Name.LocalName}={a.Value}").Order(StringComparer.Ordinal))}] {(e.HasElements ? "" : e.Value)}").ToList();

    private static XDocument Load(string repo, string type)
    {
        var repomd = XDocument.Load(Path.Combine(repo, "repodata", "repomd.xml"));
        var href = repomd.Root!.Elements(Repo + "data").Single(d => (string?)d.Attribute("type") == type)
            .Element(Repo + "location")!.Attribute("href")!.Value;
        using var file = File.OpenRead(Path.Combine(repo, href));
        using var gzip = new GZipStream(file, CompressionMode.Decompress);
        return XDocument.Load(gzip);
    }
}
