using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Signing;

/// <summary>
/// A key pkgify cannot sign with (wrong or missing passphrase, unreadable file, public key) is the user's
/// mistake: exit 2, one line naming the file, and nothing written by any command that signs.
/// </summary>
[NonParallelizable]
public class BadSigningKeyTests
{
    private GpgTestKey _protected = null!;
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKey() => _protected = GpgTestKeys.Create(GpgTestKeyKind.Rsa3072Passphrase);

    [OneTimeTearDown]
    public void DisposeKey() => _protected.Dispose();

    [SetUp]
    public void SetUp() => _tmp = new TempDir("bad-key");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    public enum Mistake { WrongPassphrase, NoPassphrase, Unreadable, Missing, PublicKey }

    private (string KeyPath, Dictionary<string, string> Env, string Expected) Key(Mistake mistake)
    {
        var garbage = _tmp.Path("garbage.asc");
        File.WriteAllText(garbage, "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nbm90IGEga2V5\n-----END PGP PRIVATE KEY BLOCK-----\n");
        var wrong = new Dictionary<string, string> { ["PKGIFY_SIGN_PASSPHRASE"] = "not the passphrase" };
        var right = new Dictionary<string, string> { ["PKGIFY_SIGN_PASSPHRASE"] = _protected.Passphrase! };
        var none = new Dictionary<string, string> { ["PKGIFY_SIGN_PASSPHRASE"] = "" };
        return mistake switch
        {
            Mistake.WrongPassphrase => (_protected.SecretKeyPath, wrong, "wrong passphrase"),
            Mistake.NoPassphrase => (_protected.SecretKeyPath, none, "no passphrase was given"),
            Mistake.Unreadable => (garbage, right, "unreadable"),
            Mistake.Missing => (_tmp.Path("nope.asc"), right, "no such file"),
            _ => (_protected.PublicKeyArmoredPath, right, "is a public key, a secret key is needed"),
        };
    }

    private static void ShouldBeOneLineExit2(ToolResult r, string expected)
    {
        r.ExitCode.ShouldBe(2, r.StdErr);
        r.StdErr.ShouldContain(expected);
        r.StdErr.ShouldContain("--sign-key");
        r.StdErr.TrimEnd('\n').Split('\n').Length.ShouldBe(1, r.StdErr);
        r.StdErr.ShouldNotContain("   at ");
    }

    [Test]
    public void Sign_leaves_the_package_alone([Values] Mistake mistake)
    {
        var (key, env, expected) = Key(mistake);
        var rpm = RpmSpecs.Plain(_tmp.Path("build"), "plain", "1.0");
        var dir = Path.GetDirectoryName(rpm)!;
        var before = TreeSnapshot.Capture(dir);
        ShouldBeOneLineExit2(PkgifyCli.Run(["sign", rpm, "--sign-key", key], env), expected);
        TreeSnapshot.Diff(before, TreeSnapshot.Capture(dir)).ShouldBeEmpty();
    }

    [Test]
    public void Repo_apt_writes_nothing([Values] Mistake mistake)
    {
        var (key, env, expected) = Key(mistake);
        var repo = _tmp.Path("apt");
        Directory.CreateDirectory(repo);
        DebFixture.Build(repo, "hello-repo", "1.0-1");
        var before = TreeSnapshot.Capture(repo);
        ShouldBeOneLineExit2(PkgifyCli.Run(["repo", "apt", repo, "--sign-key", key, "--export-key", _tmp.Path("out.gpg")], env), expected);
        TreeSnapshot.Diff(before, TreeSnapshot.Capture(repo)).ShouldBeEmpty();
        File.Exists(_tmp.Path("out.gpg")).ShouldBeFalse();
    }

    [Test]
    public void Repo_yum_writes_nothing([Values] Mistake mistake)
    {
        var (key, env, expected) = Key(mistake);
        var repo = _tmp.Path("yum");
        Directory.CreateDirectory(repo);
        File.Copy(RpmSpecs.Plain(_tmp.Path("build"), "plain", "1.0"), Path.Combine(repo, "plain.rpm"));
        var before = TreeSnapshot.Capture(repo);
        ShouldBeOneLineExit2(PkgifyCli.Run(["repo", "yum", repo, "--sign-key", key, "--sign-packages"], env), expected);
        TreeSnapshot.Diff(before, TreeSnapshot.Capture(repo)).ShouldBeEmpty();
    }

    [Test]
    public void Pack_writes_no_package([Values] Mistake mistake, [Values("rpm", "deb")] string format)
    {
        var (key, env, expected) = Key(mistake);
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "file"), "x\n");
        var output = _tmp.Path("out");
        ShouldBeOneLineExit2(PkgifyCli.Run(["pack", tree, "--name", "demo", "--version", "1.0", "-f", format, "-o", output, "--sign-key", key], env), expected);
        ShouldBeEmptyOrAbsent(output);
    }

    [Test]
    public void Build_writes_nothing([Values] Mistake mistake)
    {
        var (key, env, expected) = Key(mistake);
        using var project = new TinyProject("bad-key-build");
        env["PKGIFY_CACHE_DIR"] = project.CacheDir;
        var output = project.Tmp.Path("out");
        var r = PkgifyCli.Run(["build", project.Dir, "-f", "rpm", "-o", output, "--sign-key", key], env);
        ShouldBeOneLineExit2(r, expected);
        r.StdOut.ShouldBeEmpty();
        ShouldBeEmptyOrAbsent(output);
        // The key is checked before the virtualenv is built: no cache entry either.
        ShouldBeEmptyOrAbsent(project.CacheDir);
    }

    private static void ShouldBeEmptyOrAbsent(string dir) =>
        (Directory.Exists(dir) ? Directory.GetFileSystemEntries(dir) : []).ShouldBeEmpty();
}
