using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Repo;

/// <summary>
/// `pkgify repo apt` proved by apt-get itself (isolated configuration, signed-by the exported key): update
/// without warnings, install of the newest version, and refusal of a changed index or a foreign key.
/// </summary>
[NonParallelizable]
public class AptRepositoryTests
{
    private const string Epoch = "1700000000";

    private GpgTestKey _key = null!;
    private GpgTestKey _otherKey = null!;
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKeys()
    {
        _key = GpgTestKeys.Create(GpgTestKeyKind.Rsa3072);
        _otherKey = GpgTestKeys.Create(GpgTestKeyKind.Ed25519);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _key.Dispose();
        _otherKey.Dispose();
    }

    [SetUp]
    public void SetUp() => _tmp = new TempDir("apt-repo");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private string Repo => _tmp.Path("repo");

    private ToolResult Publish(params string[] extra) =>
        PkgifyCli.Run(["repo", "apt", Repo, "--dist", "stable", "--component", "main", "--sign-key", _key.SecretKeyPath,
            "--source-date-epoch", Epoch, .. extra], env: null);

    private static void ShouldSucceed(ToolResult r)
    {
        r.ExitCode.ShouldBe(0, $"stdout: {r.StdOut}\nstderr: {r.StdErr}");
    }

        [TestCase(AptSourceForm.Deb822)]
    [TestCase(AptSourceForm.OneLine)]
    public void Apt_get_updates_without_warnings_and_installs_the_newest_version_after_a_refresh(AptSourceForm form)
    {
        Directory.CreateDirectory(Repo);
        DebFixture.Build(Repo, "hello-repo", "1.0-1");
        DebFixture.Build(Repo, "native-tool", "0.5-1", "amd64");
        ShouldSucceed(Publish("--export-key", _tmp.Path("key.asc")));

        // A second run after adding a newer version keeps the older one.
        DebFixture.Build(Repo, "hello-repo", "2.0-1");
        ShouldSucceed(Publish("--export-key", _tmp.Path("key.asc")));
        Directory.GetFiles(Repo, "*.deb").ShouldBeEmpty("every .deb was moved into the pool");
        Directory.GetFiles(Repo, "*pkgify-tmp*", SearchOption.AllDirectories).ShouldBeEmpty("every index was renamed into place");
        File.ReadAllText(_tmp.Path("key.asc")).ShouldStartWith("-----BEGIN PGP PUBLIC KEY BLOCK-----\n");

        var apt = new AptSandbox(new TempDir("apt-client"), Repo, "stable", "main", _tmp.Path("key.asc"), form: form);
        var update = apt.AptGet("update");
        update.ExitCode.ShouldBe(0, update.StdErr + update.StdOut);
        update.StdErr.ShouldNotContain("W:");
        update.StdErr.ShouldNotContain("E:");
        (update.StdOut + update.StdErr).ShouldNotContain("NO_PUBKEY");

        var madison = apt.AptCache("madison", "hello-repo");
        madison.StdOut.ShouldContain("1.0-1");
        madison.StdOut.ShouldContain("2.0-1");

        var install = apt.AptGet("install", "-y", "--no-install-recommends", "hello-repo", "native-tool");
        install.ExitCode.ShouldBe(0, install.StdErr + install.StdOut);
        install.StdErr.ShouldNotContain("W:");
        apt.InstalledVersion("hello-repo").ShouldBe("2.0-1");
        apt.InstalledVersion("native-tool").ShouldBe("0.5-1");
        File.ReadAllText(apt.RootPath("opt/hello-repo/VERSION")).ShouldBe("2.0-1\n");
    }

    [Test]
    public void A_changed_byte_in_an_index_makes_apt_get_update_fail_on_the_hash()
    {
        Directory.CreateDirectory(Repo);
        DebFixture.Build(Repo, "hello-repo", "1.0-1");
        ShouldSucceed(Publish("--export-key", _tmp.Path("key.gpg"), "--arch", "amd64"));
        // Not .asc: the binary key ring, as gpg --export writes it.
        File.ReadAllBytes(_tmp.Path("key.gpg")).ShouldBe(File.ReadAllBytes(_key.PublicKeyPath));
        // apt fetches one compressed form (xz first) by its strongest hash, by-hash/SHA512/ (formats.md §3.5):
        // change a byte of every form there so whichever it picks is wrong. Only those names: the plain ones
        // may be hard links to the same files, and a second flip would undo the first.
        foreach (var path in Directory.GetFiles(Path.Combine(Repo, "dists/stable/main/binary-amd64/by-hash/SHA512")))
            FlipByte(path);

        var apt = new AptSandbox(new TempDir("apt-client"), Repo, "stable", "main", _tmp.Path("key.gpg"));
        var update = apt.AptGet("update");
        update.ExitCode.ShouldNotBe(0);
        (update.StdOut + update.StdErr).ShouldContain("Hash Sum mismatch");
    }

    [Test]
    public void A_different_key_in_signed_by_makes_apt_get_update_fail_on_the_signature()
    {
        Directory.CreateDirectory(Repo);
        DebFixture.Build(Repo, "hello-repo", "1.0-1");
        ShouldSucceed(Publish());

        var apt = new AptSandbox(new TempDir("apt-client"), Repo, "stable", "main", _otherKey.PublicKeyPath);
        var update = apt.AptGet("update");
        update.ExitCode.ShouldNotBe(0);
        var output = update.StdOut + update.StdErr;
        output.ShouldContain("NO_PUBKEY");
        output.ShouldContain("is not signed");
    }

    [Test]
    public void Architecture_all_packages_are_in_every_index_and_Release_lists_every_index_with_strong_hashes()
    {
        Directory.CreateDirectory(Repo);
        DebFixture.Build(Repo, "hello-repo", "1.0-1");
        DebFixture.Build(Repo, "native-tool", "0.5-1", "arm64");
        // Each field option reaches Release (without --suite, Suite is the distribution; apt's tests above use that).
        ShouldSucceed(Publish("--arch", "amd64,arm64", "--origin", "Example Ops", "--label", "Example", "--suite", "testing", "--codename", "ops"));

        var amd64 = File.ReadAllText(Path.Combine(Repo, "dists/stable/main/binary-amd64/Packages"));
        var arm64 = File.ReadAllText(Path.Combine(Repo, "dists/stable/main/binary-arm64/Packages"));
        amd64.ShouldContain("Package: hello-repo\n");
        arm64.ShouldContain("Package: hello-repo\n");
        amd64.ShouldNotContain("native-tool");
        arm64.ShouldContain("Package: native-tool\n");
        arm64.ShouldContain("Filename: pool/main/n/native-tool/native-tool_0.5-1_arm64.deb\n");

        var release = File.ReadAllText(Path.Combine(Repo, "dists/stable/Release"));
        release.ShouldStartWith("Origin: Example Ops\nLabel: Example\nSuite: testing\nCodename: ops\n");
        // SOURCE_DATE_EPOCH 1700000000 in RFC 2822, UTC.
        release.ShouldContain("Date: Tue, 14 Nov 2023 22:13:20 UTC\n");
        release.ShouldContain("Architectures: amd64 arm64\n");
        release.ShouldContain("Components: main\n");
        foreach (var list in new[] { "MD5Sum:", "SHA256:", "SHA512:" })
            release.ShouldContain(list + "\n");
        foreach (var arch in new[] { "amd64", "arm64" })
            foreach (var name in new[] { "Packages", "Packages.gz", "Packages.xz" })
            {
                var relative = $"main/binary-{arch}/{name}";
                var bytes = File.ReadAllBytes(Path.Combine(Repo, "dists/stable", relative));
                var sha256 = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));
                release.ShouldContain($" {sha256} {bytes.Length,16} {relative}\n");
                var md5 = Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(bytes));
                release.ShouldContain($" {md5} {bytes.Length,16} {relative}\n");
            }

        // gpgv, the verifier apt runs, accepts both signatures.
        ToolRunner.RunChecked("gpgv", ["--keyring", _key.PublicKeyPath, Path.Combine(Repo, "dists/stable/InRelease")]);
        ToolRunner.RunChecked("gpgv", ["--keyring", _key.PublicKeyPath, Path.Combine(Repo, "dists/stable/Release.gpg"), Path.Combine(Repo, "dists/stable/Release")]);
        File.ReadAllText(Path.Combine(Repo, "dists/stable/Release.gpg")).ShouldStartWith("-----BEGIN PGP SIGNATURE-----\n");
    }

    [Test]
    public void The_same_packages_and_epoch_give_the_same_bytes_in_another_directory()
    {
        var deb = DebFixture.Build(_tmp.Root, "hello-repo", "1.0-1");
        var first = PublishCopy(deb, "a");
        var second = PublishCopy(deb, "b");
        var files = Directory.GetFiles(Path.Combine(first, "dists"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(first, f)).Order(StringComparer.Ordinal).ToList();
        files.ShouldContain(Path.Combine("dists", "stable", "InRelease"));
        Directory.GetFiles(Path.Combine(second, "dists"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(second, f)).Order(StringComparer.Ordinal).ShouldBe(files);
        foreach (var f in files)
            Sha256(Path.Combine(second, f)).ShouldBe(Sha256(Path.Combine(first, f)), f);
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(path)));

    private string PublishCopy(string deb, string name)
    {
        var repo = _tmp.Path(name);
        Directory.CreateDirectory(repo);
        File.Copy(deb, Path.Combine(repo, "incoming.deb"));
        var r = PkgifyCli.Run(["repo", "apt", repo, "--sign-key", _key.SecretKeyPath, "--source-date-epoch", Epoch], env: null);
        ShouldSucceed(r);
        return repo;
    }

    [Test]
    public void An_unsigned_refresh_removes_the_signatures_of_an_earlier_signed_run()
    {
        Directory.CreateDirectory(Repo);
        DebFixture.Build(Repo, "hello-repo", "1.0-1");
        ShouldSucceed(Publish());
        File.Exists(Path.Combine(Repo, "dists/stable/InRelease")).ShouldBeTrue();

        ShouldSucceed(PkgifyCli.Run(["repo", "apt", Repo, "--source-date-epoch", Epoch], env: null));
        File.Exists(Path.Combine(Repo, "dists/stable/Release")).ShouldBeTrue();
        File.Exists(Path.Combine(Repo, "dists/stable/InRelease")).ShouldBeFalse();
        File.Exists(Path.Combine(Repo, "dists/stable/Release.gpg")).ShouldBeFalse();
    }

    [Test]
    public void A_different_package_under_a_published_name_is_refused_and_nothing_changes()
    {
        Directory.CreateDirectory(Repo);
        DebFixture.Build(Repo, "hello-repo", "1.0-1");
        ShouldSucceed(Publish());
        var before = TreeSnapshot.Capture(Repo);

        var other = _tmp.Path("other");
        Directory.CreateDirectory(other);
        var rebuilt = DebFixture.Build(other, "hello-repo", "1.0-1", description: "rebuilt\n with other bytes");
        File.Move(rebuilt, Path.Combine(Repo, "rebuilt.deb"));
        var r = Publish();
        r.ExitCode.ShouldBe(2);
        r.StdErr.ShouldContain("a published version must never change");
        r.StdErr.TrimEnd('\n').Split('\n').Length.ShouldBe(1);
        File.Delete(Path.Combine(Repo, "rebuilt.deb"));
        TreeSnapshot.Diff(before, TreeSnapshot.Capture(Repo)).ShouldBeEmpty();
    }

    internal static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.Length / 2;
        bytes[at] ^= 0x20;
        File.WriteAllBytes(path, bytes);
    }
}
