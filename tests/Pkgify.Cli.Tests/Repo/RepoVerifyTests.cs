using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Repo;

/// <summary>`pkgify verify --repo DIR --key PUB` and `pkgify verify FILE --key PUB`: good repositories pass, every kind of damage is named.</summary>
[NonParallelizable]
public class RepoVerifyTests
{
    private const string Epoch = "1700000000";

    private GpgTestKey _key = null!;
    private GpgTestKey _other = null!;
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKeys()
    {
        _key = GpgTestKeys.Create(GpgTestKeyKind.Ed25519);
        _other = GpgTestKeys.Create(GpgTestKeyKind.Rsa3072);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _key.Dispose();
        _other.Dispose();
    }

    [SetUp]
    public void SetUp() => _tmp = new TempDir("repo-verify");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private string AptRepo()
    {
        var repo = _tmp.Path("apt");
        Directory.CreateDirectory(repo);
        DebFixture.Build(repo, "hello-repo", "1.0-1");
        PkgifyCli.RunChecked("repo", "apt", repo, "--sign-key", _key.SecretKeyPath, "--source-date-epoch", Epoch, "--arch", "amd64");
        return repo;
    }

    private string YumRepo()
    {
        var repo = _tmp.Path("yum");
        Directory.CreateDirectory(repo);
        File.Copy(RpmSpecs.Plain(_tmp.Path("build"), "plain", "1.0"), Path.Combine(repo, "plain-1.0-1.noarch.rpm"));
        PkgifyCli.RunChecked("repo", "yum", repo, "--sign-key", _key.SecretKeyPath, "--sign-packages", "--source-date-epoch", Epoch);
        return repo;
    }

    private ToolResult Verify(string repo, GpgTestKey? key = null) =>
        PkgifyCli.Run("verify", "--repo", repo, "--key", (key ?? _key).PublicKeyPath);

    private static void ShouldFailNaming(ToolResult r, string expected)
    {
        r.ExitCode.ShouldBe(1, r.StdOut + r.StdErr);
        r.StdErr.ShouldContain(expected);
    }

    [Test]
    public void A_fresh_apt_repository_verifies()
    {
        var r = Verify(AptRepo());
        r.ExitCode.ShouldBe(0, r.StdErr);
        r.StdOut.ShouldContain(": OK");
    }

    [TestCase("dists/stable/main/binary-amd64/Packages.gz", "main/binary-amd64/Packages.gz has")]
    [TestCase("dists/stable/main/binary-amd64/Packages", "main/binary-amd64/Packages has")]
    [TestCase("pool/main/h/hello-repo/hello-repo_1.0-1_all.deb", "hello-repo_1.0-1_all.deb has")]
    [TestCase("dists/stable/Release", "Release.gpg: the signature")]
    public void A_changed_apt_file_is_named(string file, string expected)
    {
        var repo = AptRepo();
        AptRepositoryTests.FlipByte(Path.Combine(repo, file));
        ShouldFailNaming(Verify(repo), expected);
    }

    [TestCase(false)]
    [TestCase(true)]
    public void A_missing_or_damaged_by_hash_copy_is_named(bool damaged)
    {
        var repo = AptRepo();
        var index = Path.Combine(repo, "dists/stable/main/binary-amd64/Packages.xz");
        var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(index)));
        var relative = "main/binary-amd64/by-hash/SHA256/" + sha256;
        var copy = Path.Combine(repo, "dists/stable", relative);
        File.Exists(copy).ShouldBeTrue();
        // Delete first: the by-hash name may be a hard link of Packages.xz, which must stay intact.
        File.Delete(copy);
        if (damaged)
        {
            var bytes = File.ReadAllBytes(index);
            bytes[^1] ^= 1;
            File.WriteAllBytes(copy, bytes);
        }

        var r = Verify(repo);
        ShouldFailNaming(r, damaged ? $"{relative} (by-hash copy of main/binary-amd64/Packages.xz) has SHA256" : $"{relative} (by-hash copy of main/binary-amd64/Packages.xz) is missing");
        r.StdErr.ShouldNotContain("main/binary-amd64/Packages.xz has", customMessage: "the index itself is intact");
    }

    [Test]
    public void A_changed_line_of_InRelease_breaks_its_signature()
    {
        var repo = AptRepo();
        var inRelease = Path.Combine(repo, "dists/stable/InRelease");
        File.WriteAllText(inRelease, File.ReadAllText(inRelease).Replace("Suite: stable", "Suite: stablE"));
        ShouldFailNaming(Verify(repo), "InRelease: the signature");
    }

    [Test]
    public void Another_key_does_not_verify_the_apt_repository()
    {
        ShouldFailNaming(Verify(AptRepo(), _other), "does not verify with the given public key");
    }

    [Test]
    public void A_fresh_yum_repository_verifies_and_its_packages_too()
    {
        var repo = YumRepo();
        var r = Verify(repo);
        r.ExitCode.ShouldBe(0, r.StdErr);
        PkgifyCli.Run("verify", Path.Combine(repo, "plain-1.0-1.noarch.rpm"), "--key", _key.PublicKeyArmoredPath).ExitCode.ShouldBe(0);
    }

    [Test]
    public void Another_key_does_not_verify_the_yum_repository()
    {
        var r = Verify(YumRepo(), _other);
        ShouldFailNaming(r, "does not verify with the given public key");
        r.StdErr.ShouldContain("repomd.xml.asc");
    }

    [Test]
    public void A_yum_repository_without_its_signature_fails_when_a_key_is_given()
    {
        // A key means "this repository must be signed by it": a missing repomd.xml.asc is not a pass.
        var repo = YumRepo();
        File.Delete(Path.Combine(repo, "repodata/repomd.xml.asc"));
        ShouldFailNaming(Verify(repo), "repomd.xml.asc: missing: the repository is not signed");
    }

    [Test]
    public void A_changed_rpm_fails_its_pkgid()
    {
        var repo = YumRepo();
        AptRepositoryTests.FlipByte(Path.Combine(repo, "plain-1.0-1.noarch.rpm"));
        ShouldFailNaming(Verify(repo), "primary's pkgid");
    }

    [Test]
    public void A_changed_primary_fails_its_checksum_and_a_changed_repomd_its_signature()
    {
        var repo = YumRepo();
        var primary = Directory.GetFiles(Path.Combine(repo, "repodata"), "*-primary.xml.gz").Single();
        AptRepositoryTests.FlipByte(primary);
        ShouldFailNaming(Verify(repo), "another checksum than repomd.xml says");

        var fresh = YumRepo2();
        var repomd = Path.Combine(fresh, "repodata/repomd.xml");
        File.WriteAllText(repomd, File.ReadAllText(repomd).Replace("<revision>", "<revision>1"));
        ShouldFailNaming(Verify(fresh), "repomd.xml.asc: the signature");
    }

    private string YumRepo2()
    {
        var repo = _tmp.Path("yum2");
        Directory.CreateDirectory(repo);
        File.Copy(RpmSpecs.Plain(_tmp.Path("build2"), "plain", "2.0"), Path.Combine(repo, "plain.rpm"));
        PkgifyCli.RunChecked("repo", "yum", repo, "--sign-key", _key.SecretKeyPath, "--source-date-epoch", Epoch);
        return repo;
    }

    [Test]
    public void An_unsigned_rpm_fails_verify_with_a_key()
    {
        var rpm = RpmSpecs.Plain(_tmp.Path("build"), "plain", "1.0");
        ShouldFailNaming(PkgifyCli.Run("verify", rpm, "--key", _key.PublicKeyPath), "not signed");
    }

    [Test]
    public void A_deb_with_a_key_says_signatures_are_not_part_of_deb_files_and_checks_the_rest()
    {
        var deb = DebFixture.Build(_tmp.Root, "hello-repo", "1.0-1");
        var r = PkgifyCli.Run("verify", deb, "--key", _key.PublicKeyPath);
        r.ExitCode.ShouldBe(0, r.StdErr);
        r.StdErr.ShouldContain("signatures are not part of .deb files");
        r.StdOut.ShouldContain(": OK");
    }
}
