using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Issue 8 item 7: a signing key never lands in a package, an index, a log or an error message. Every command
/// that signs runs with a passphrase-protected key (verbose, and with --json), then with the key refused in
/// every way; every file written and every byte of output is searched for the key's secret material and its
/// passphrase.
/// </summary>
[NonParallelizable]
public class SigningKeyLeakTests
{
    private GpgTestKey _key = null!;
    private SecretMaterial _secret = null!;
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKey()
    {
        _key = GpgTestKeys.Create(GpgTestKeyKind.Rsa3072Passphrase);
        var armored = File.ReadAllText(_key.SecretKeyPath);
        _secret = new SecretMaterial(SecretMaterial.Dearmor(armored), File.ReadAllBytes(_key.PublicKeyPath), armored,
            File.ReadAllText(_key.PublicKeyArmoredPath), _key.Passphrase);
    }

    [OneTimeTearDown]
    public void DisposeKey() => _key.Dispose();

    [SetUp]
    public void SetUp() => _tmp = new TempDir("key-leak");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void No_package_index_log_or_error_message_holds_the_secret_key_or_its_passphrase()
    {
        _secret.BinaryRuns.ShouldBeGreaterThan(100, "the secret export must have material the public one lacks");
        var outputs = new List<(string What, byte[] Bytes)>();
        var right = new Dictionary<string, string> { ["PKGIFY_SIGN_PASSPHRASE"] = _key.Passphrase! };
        var damaged = _tmp.Path("damaged.asc");
        void Run(Dictionary<string, string> env, params string[] args)
        {
            var r = PkgifyCli.Run(args, env);
            // Signing runs with the right passphrase succeed; the others are refused as the user's mistake.
            r.ExitCode.ShouldBe(env == right && !args.Contains(damaged) ? 0 : 2, $"{string.Join(' ', args)}: {r.StdErr}");
            outputs.Add(($"stdout of {string.Join(' ', args.Take(2))}", System.Text.Encoding.UTF8.GetBytes(r.StdOut)));
            outputs.Add(($"stderr of {string.Join(' ', args.Take(2))}", System.Text.Encoding.UTF8.GetBytes(r.StdErr)));
        }

        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(tree);
        TrickyTree.Create(tree);
        var apt = _tmp.Path("apt");
        var yum = _tmp.Path("yum");
        Run(right, "pack", tree, "--name", "leak", "--version", "1", "-o", apt, "-f", "deb", "--sign-key", _key.SecretKeyPath, "-v");
        Run(right, "pack", tree, "--name", "leak", "--version", "1", "-o", yum, "-f", "rpm", "--sign-key", _key.SecretKeyPath, "--json");
        Run(right, "sign", Directory.GetFiles(yum, "*.rpm").Single(), "--sign-key", _key.SecretKeyPath, "-v");
        Run(right, "repo", "apt", apt, "--sign-key", _key.SecretKeyPath, "--export-key", _tmp.Path("apt-key.asc"), "-v");
        Run(right, "repo", "yum", yum, "--sign-key", _key.SecretKeyPath, "--sign-packages", "--export-key", _tmp.Path("yum-key.gpg"), "--json");
        Run(right, "verify", Directory.GetFiles(yum, "*.rpm").Single(), "--key", _tmp.Path("yum-key.gpg"), "-v");

        // Refusals: the messages name the key file, never its content.
        var wrong = new Dictionary<string, string> { ["PKGIFY_SIGN_PASSPHRASE"] = _key.Passphrase + "x" };
        var armored = File.ReadAllLines(_key.SecretKeyPath);
        File.WriteAllLines(damaged, armored.Take(armored.Length / 2).Concat(armored.Skip(armored.Length / 2 + 1)));
        foreach (var (env, key) in new[] { (wrong, _key.SecretKeyPath), (new Dictionary<string, string> { ["PKGIFY_SIGN_PASSPHRASE"] = "" }, _key.SecretKeyPath), (right, damaged) })
        {
            Run(env, "sign", Directory.GetFiles(yum, "*.rpm").Single(), "--sign-key", key, "-v");
            Run(env, "repo", "apt", apt, "--sign-key", key);
            Run(env, "pack", tree, "--name", "leak2", "--version", "1", "-o", _tmp.Path("refused"), "--sign-key", key);
        }

        foreach (var dir in new[] { apt, yum, _tmp.Path("refused") }.Where(Directory.Exists))
            foreach (var file in Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories))
                outputs.Add((file, File.ReadAllBytes(file)));
        outputs.Add(("apt-key.asc", File.ReadAllBytes(_tmp.Path("apt-key.asc"))));
        outputs.Add(("yum-key.gpg", File.ReadAllBytes(_tmp.Path("yum-key.gpg"))));
        TestContext.Out.WriteLine($"searched {outputs.Count} outputs ({outputs.Sum(o => o.Bytes.Length)} bytes) for {_secret.BinaryRuns} secret byte runs");

        var leaks = outputs.SelectMany(o => _secret.FoundIn(o.Bytes).Select(f => $"{o.What}: {f}")).ToList();
        leaks.ShouldBeEmpty();
        // The searches can find something: the secret file itself is caught.
        _secret.FoundIn(File.ReadAllBytes(_key.SecretKeyPath)).ShouldNotBeEmpty();
    }
}
