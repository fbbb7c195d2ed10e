using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Repo;

/// <summary>
/// `pkgify repo yum` proved by dnf itself (gpgcheck=1, repo_gpgcheck=1, the exported key, a throw-away
/// installroot): metadata and package signatures pass, a changed primary.xml.gz or rpm is refused.
/// </summary>
[NonParallelizable]
public class YumRepositoryTests
{
    private const string Epoch = "1700000000";

    private GpgTestKey _key = null!;
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKey() => _key = GpgTestKeys.Create(GpgTestKeyKind.Rsa4096);

    [OneTimeTearDown]
    public void DisposeKey() => _key.Dispose();

    [SetUp]
    public void SetUp() => _tmp = new TempDir("yum-repo");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private string Repo => _tmp.Path("repo");

    private string KeyFile => _tmp.Path("RPM-GPG-KEY-test.asc");

    private string AddPlain(string name, string version, string description = "A plain package.")
    {
        var built = RpmSpecs.Plain(_tmp.Path($"build-{name}-{version}"), name, version, description);
        var target = Path.Combine(Repo, "Packages", Path.GetFileName(built));
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        File.Copy(built, target);
        return target;
    }

    private ToolResult Publish(params string[] extra) =>
        PkgifyCli.Run(["repo", "yum", Repo, "--sign-key", _key.SecretKeyPath, "--sign-packages", "--export-key", KeyFile,
            "--source-date-epoch", Epoch, .. extra], env: null);

    private static void ShouldSucceed(ToolResult r) => r.ExitCode.ShouldBe(0, $"stdout: {r.StdOut}\nstderr: {r.StdErr}");

    [Test]
    public void Dnf_makecache_repoquery_and_download_pass_every_signature_check_and_install_the_newest()
    {
        AddPlain("plain", "1.0");
        ShouldSucceed(Publish());
        AddPlain("plain", "2.0");
        AddPlain("escaped", "1.0", "Text with <tags> & \"quotes\" and 'apostrophes'.");
        ShouldSucceed(Publish());

        Directory.GetFiles(Repo, "*pkgify-tmp*", SearchOption.AllDirectories).ShouldBeEmpty("every file was renamed into place");
        var dnf = new DnfSandbox(new TempDir("dnf"), Repo, KeyFile);
        var makecache = dnf.Dnf("makecache");
        makecache.ExitCode.ShouldBe(0, makecache.StdErr + makecache.StdOut);

        var versions = dnf.Dnf("repoquery", "--qf", "%{name}-%{version}-%{release}", "plain");
        versions.ExitCode.ShouldBe(0, versions.StdErr);
        versions.StdOut.ShouldContain("plain-1.0-1");
        versions.StdOut.ShouldContain("plain-2.0-1");
        var info = dnf.Dnf("repoquery", "--info", "escaped");
        info.StdOut.ShouldContain("Text with <tags> & \"quotes\" and 'apostrophes'.");

        var download = dnf.Dnf("install", "--downloadonly", "--downloaddir", dnf.Downloads, "plain");
        download.ExitCode.ShouldBe(0, download.StdErr + download.StdOut);
        Directory.GetFiles(dnf.Downloads, "*.rpm").Select(Path.GetFileName).ShouldBe(["plain-2.0-1.noarch.rpm"]);

        var install = dnf.Dnf("install", "plain");
        install.ExitCode.ShouldBe(0, install.StdErr + install.StdOut);
        File.ReadAllText(Path.Combine(dnf.Root, "opt/plain/VERSION")).ShouldBe("2.0\n");
        ToolRunner.RunChecked("rpm", ["--root", dnf.Root, "-q", "--qf", "%{RSAHEADER:pgpsig}", "plain"]).StdOut.ShouldStartWith("RSA/SHA256");
    }

    [Test]
    public void Control_characters_and_markup_in_package_texts_keep_the_metadata_readable_by_dnf()
    {
        // rpmbuild refuses such a spec, but packages from other tools (ours included) can carry anything.
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "file"), "x\n");
        PkgifyCli.RunChecked("pack", tree, "--name", "ctl", "--version", "1.0", "-f", "rpm", "-o", Path.Combine(Repo, "Packages"),
            "--summary", "summary \u0001 <&\"'>", "--description", "bell\u0007 and <tags> & \"quotes\" 'here'", "--source-date-epoch", Epoch);
        ShouldSucceed(Publish());

        var primary = Directory.GetFiles(Path.Combine(Repo, "repodata"), "*-primary.xml.gz").Single();
        using (var gzip = new System.IO.Compression.GZipStream(File.OpenRead(primary), System.IO.Compression.CompressionMode.Decompress))
        {
            // XML 1.0 cannot carry U+0001 or U+0007 even escaped; a strict parser must accept what we wrote.
            var doc = System.Xml.Linq.XDocument.Load(gzip);
            doc.Descendants().Single(e => e.Name.LocalName == "summary").Value.ShouldBe("summary \uFFFD <&\"'>");
        }

        var dnf = new DnfSandbox(new TempDir("dnf"), Repo, KeyFile);
        var makecache = dnf.Dnf("makecache");
        makecache.ExitCode.ShouldBe(0, makecache.StdErr + makecache.StdOut);
        var info = dnf.Dnf("repoquery", "--info", "ctl");
        info.ExitCode.ShouldBe(0, info.StdErr);
        info.StdOut.ShouldContain("and <tags> & \"quotes\" 'here'");
    }

    [Test]
    public void A_changed_primary_xml_gz_makes_dnf_refuse_the_metadata()
    {
        AddPlain("plain", "1.0");
        ShouldSucceed(Publish());
        var primary = Directory.GetFiles(Path.Combine(Repo, "repodata"), "*-primary.xml.gz").Single();
        AptRepositoryTests.FlipByte(primary);

        var dnf = new DnfSandbox(new TempDir("dnf"), Repo, KeyFile);
        var makecache = dnf.Dnf("makecache");
        makecache.ExitCode.ShouldNotBe(0);
        (makecache.StdOut + makecache.StdErr).ShouldContain("primary");
    }

    [Test]
    public void A_changed_rpm_makes_dnf_refuse_the_download()
    {
        var rpm = AddPlain("plain", "1.0");
        ShouldSucceed(Publish());
        AptRepositoryTests.FlipByte(rpm);

        var dnf = new DnfSandbox(new TempDir("dnf"), Repo, KeyFile);
        dnf.Dnf("makecache").ExitCode.ShouldBe(0);
        var download = dnf.Dnf("install", "--downloadonly", "--downloaddir", dnf.Downloads, "plain");
        download.ExitCode.ShouldNotBe(0);
        (download.StdOut + download.StdErr).ShouldContain("checksum", Case.Insensitive);
    }

    [Test]
    public void Repomd_xml_signed_by_another_key_is_refused_by_dnf()
    {
        AddPlain("plain", "1.0");
        ShouldSucceed(Publish());
        using var other = GpgTestKeys.Create(GpgTestKeyKind.Ed25519);
        var dnf = new DnfSandbox(new TempDir("dnf"), Repo, other.PublicKeyArmoredPath);
        var makecache = dnf.Dnf("makecache");
        makecache.ExitCode.ShouldNotBe(0);
        (makecache.StdOut + makecache.StdErr).ShouldContain("GPG", Case.Insensitive);
    }

    public enum PackageSignature { None, AnotherKey }

    [Test]
    public void A_package_not_signed_by_the_repository_key_is_refused_by_dnf_although_the_metadata_is_valid(
        [Values] PackageSignature signature)
    {
        var rpm = AddPlain("plain", "1.0");
        using var other = GpgTestKeys.Create(GpgTestKeyKind.Ed25519);
        if (signature == PackageSignature.AnotherKey)
            ShouldSucceed(PkgifyCli.Run(["sign", rpm, "--sign-key", other.SecretKeyPath, "--source-date-epoch", Epoch], env: null));
        // Signed metadata (repo_gpgcheck passes), package left as it is: only dnf's package check can stop it.
        ShouldSucceed(PkgifyCli.Run(["repo", "yum", Repo, "--sign-key", _key.SecretKeyPath, "--export-key", KeyFile,
            "--source-date-epoch", Epoch], env: null));

        var dnf = new DnfSandbox(new TempDir("dnf"), Repo, KeyFile);
        var makecache = dnf.Dnf("makecache");
        makecache.ExitCode.ShouldBe(0, makecache.StdErr + makecache.StdOut);
        var install = dnf.Dnf("install", "plain");
        install.ExitCode.ShouldNotBe(0, install.StdOut);
        var said = install.StdOut + install.StdErr;
        said.ShouldContain("GPG check FAILED", Case.Sensitive, said);
        said.ShouldContain(signature == PackageSignature.None ? "is not signed" : "is not installed", Case.Sensitive, said);
        File.Exists(Path.Combine(dnf.Root, "opt/plain/VERSION")).ShouldBeFalse();
    }

    [Test]
    public void Metadata_files_are_named_by_their_sha256_and_stale_generations_are_removed()
    {
        AddPlain("plain", "1.0");
        ShouldSucceed(Publish());
        var first = MetadataFiles();
        AddPlain("plain", "2.0");
        ShouldSucceed(Publish());
        var second = MetadataFiles();
        AddPlain("plain", "3.0");
        ShouldSucceed(Publish());
        var third = MetadataFiles();

        foreach (var file in third)
            Path.GetFileName(file).ShouldStartWith(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file))) + "-");
        var repomd = File.ReadAllText(Path.Combine(Repo, "repodata/repomd.xml"));
        third.Except(second).Count().ShouldBe(3);
        foreach (var file in third.Except(second))
            repomd.ShouldContain("repodata/" + Path.GetFileName(file));
        // The previous generation stays for clients that fetched the previous repomd.xml; older ones go.
        second.Except(first).ShouldBeSubsetOf(third);
        first.Intersect(third).ShouldBeEmpty();
        repomd.ShouldContain("<revision>1700000000</revision>");
        repomd.ShouldContain("<timestamp>1700000000</timestamp>");
    }

    [Test]
    public void Every_repomd_record_states_the_size_and_sha256_of_its_file_and_of_the_gunzipped_content()
    {
        AddPlain("plain", "1.0");
        AddPlain("other", "2.0");
        ShouldSucceed(Publish());

        System.Xml.Linq.XNamespace ns = "http://linux.duke.edu/metadata/repo";
        var repomd = System.Xml.Linq.XDocument.Load(Path.Combine(Repo, "repodata/repomd.xml")).Root!;
        var data = repomd.Elements(ns + "data").ToList();
        data.Select(d => d.Attribute("type")!.Value).ShouldBe(["primary", "filelists", "other"]);
        foreach (var record in data)
        {
            var type = record.Attribute("type")!.Value;
            string Value(string name) => record.Element(ns + name)!.Value;
            var file = Path.Combine(Repo, record.Element(ns + "location")!.Attribute("href")!.Value);
            var bytes = File.ReadAllBytes(file);
            byte[] open;
            using (var gzip = new System.IO.Compression.GZipStream(new MemoryStream(bytes), System.IO.Compression.CompressionMode.Decompress))
            using (var content = new MemoryStream())
            {
                gzip.CopyTo(content);
                open = content.ToArray();
            }

            record.Element(ns + "checksum")!.Attribute("type")!.Value.ShouldBe("sha256", type);
            record.Element(ns + "open-checksum")!.Attribute("type")!.Value.ShouldBe("sha256", type);
            Value("checksum").ShouldBe(Convert.ToHexStringLower(SHA256.HashData(bytes)), type);
            Value("size").ShouldBe(bytes.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), type);
            Value("open-checksum").ShouldBe(Convert.ToHexStringLower(SHA256.HashData(open)), type);
            Value("open-size").ShouldBe(open.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), type);
        }

        var timestamps = repomd.Descendants(ns + "timestamp").Select(t => t.Value).ToList();
        timestamps.Count.ShouldBe(data.Count);
        timestamps.ShouldAllBe(t => t == Epoch);
    }

    private List<string> MetadataFiles() =>
        Directory.GetFiles(Path.Combine(Repo, "repodata"), "*.xml.gz").Order(StringComparer.Ordinal).ToList();

    [Test]
    public void The_same_rpms_and_epoch_give_the_same_metadata_in_another_directory()
    {
        var rpm = RpmSpecs.Plain(_tmp.Path("build"), "plain", "1.0");
        string PublishCopy(string name)
        {
            var repo = _tmp.Path(name);
            Directory.CreateDirectory(repo);
            File.Copy(rpm, Path.Combine(repo, "plain.rpm"));
            ShouldSucceed(PkgifyCli.Run(["repo", "yum", repo, "--sign-key", _key.SecretKeyPath, "--source-date-epoch", Epoch], env: null));
            return Path.Combine(repo, "repodata");
        }

        var a = PublishCopy("a");
        var b = PublishCopy("b");
        var names = Directory.GetFiles(a).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        names.ShouldContain("repomd.xml.asc");
        Directory.GetFiles(b).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(names);
        foreach (var name in names)
            Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(b, name!))))
                .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(a, name!)))), name);
    }
}
