using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Signing;

/// <summary>
/// `pkgify sign` proved by rpmkeys: the header signature verifies once the public key is imported, for RSA-2048 and
/// RSA-3072 with and without a passphrase, Ed25519 and a signing subkey; the payload neither moves nor changes.
/// </summary>
[NonParallelizable]
public class RpmSignTests
{
    private const string Epoch = "1700000000";

    private readonly Dictionary<GpgTestKeyKind, GpgTestKey> _keys = new();
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKeys()
    {
        foreach (var kind in new[] { GpgTestKeyKind.Rsa2048, GpgTestKeyKind.Rsa3072, GpgTestKeyKind.Rsa3072Passphrase, GpgTestKeyKind.Ed25519, GpgTestKeyKind.SigningSubkey })
            _keys[kind] = GpgTestKeys.Create(kind);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        foreach (var key in _keys.Values)
            key.Dispose();
    }

    [SetUp]
    public void SetUp() => _tmp = new TempDir("rpm-sign");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    internal static ToolResult Sign(string rpm, GpgTestKey key, params string[] extra) =>
        PkgifyCli.Run(["sign", rpm, "--sign-key", key.SecretKeyPath, "--source-date-epoch", Epoch, .. extra], PassphraseEnv(key));

    internal static Dictionary<string, string>? PassphraseEnv(GpgTestKey key) =>
        key.Passphrase is null ? null : new Dictionary<string, string> { ["PKGIFY_SIGN_PASSPHRASE"] = key.Passphrase };

    private string RpmbuildPackage(string name = "work", IReadOnlyDictionary<string, string>? defines = null) =>
        RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, _tmp.Path(name), defines: defines);

    [TestCase(GpgTestKeyKind.Rsa2048, "RSA")]
    [TestCase(GpgTestKeyKind.Rsa3072, "RSA")]
    [TestCase(GpgTestKeyKind.Rsa3072Passphrase, "RSA")]
    [TestCase(GpgTestKeyKind.Ed25519, "EdDSA")]
    [TestCase(GpgTestKeyKind.SigningSubkey, "RSA")]
    public void Rpmkeys_reports_the_signature_OK_and_the_payload_is_untouched(GpgTestKeyKind kind, string algorithm)
    {
        var key = _keys[kind];
        var rpm = RpmbuildPackage();
        var before = File.ReadAllBytes(rpm);
        var headerStart = MainHeaderStart(rpm);

        var result = Sign(rpm, key);
        result.ExitCode.ShouldBe(0, result.StdErr);

        var after = File.ReadAllBytes(rpm);
        after.Length.ShouldBe(before.Length, "the reserved space absorbs the signature");
        MainHeaderStart(rpm).ShouldBe(headerStart);
        Sha256(after.AsSpan(headerStart)).ShouldBe(Sha256(before.AsSpan(headerStart)), "main header and payload are copied unchanged");

        var keyring = new RpmKeyring(_tmp.Path("rpmdb"), key.PublicKeyArmoredPath);
        var verbose = keyring.CheckVerbose(rpm);
        verbose.ExitCode.ShouldBe(0, verbose.StdOut + verbose.StdErr);
        var keyId = key.SigningFingerprint[^8..].ToLowerInvariant();
        verbose.StdOut.ShouldContain($"Header V4 {algorithm}/SHA256 Signature, key ID {keyId}: OK");
        keyring.CheckSig(rpm).StdOut.ShouldContain("digests signatures OK");

        PkgifyCli.Run("verify", rpm, "--key", key.PublicKeyPath).ExitCode.ShouldBe(0);
    }

    [Test]
    public void Signing_again_with_another_key_replaces_the_signature()
    {
        var rpm = RpmbuildPackage();
        Sign(rpm, _keys[GpgTestKeyKind.Rsa3072]).ExitCode.ShouldBe(0);
        var size = new FileInfo(rpm).Length;
        Sign(rpm, _keys[GpgTestKeyKind.Ed25519]).ExitCode.ShouldBe(0);
        new FileInfo(rpm).Length.ShouldBe(size);

        var onlyNew = new RpmKeyring(_tmp.Path("db-new"), _keys[GpgTestKeyKind.Ed25519].PublicKeyArmoredPath).CheckVerbose(rpm);
        onlyNew.ExitCode.ShouldBe(0, onlyNew.StdOut);
        onlyNew.StdOut.Split('\n').Count(l => l.Contains("Signature", StringComparison.Ordinal)).ShouldBe(1, onlyNew.StdOut);
        onlyNew.StdOut.ShouldContain("EdDSA/SHA256 Signature");

        // The RSA key no longer vouches for the package: its signature is gone, not kept beside the new one.
        var onlyOld = new RpmKeyring(_tmp.Path("db-old"), _keys[GpgTestKeyKind.Rsa3072].PublicKeyArmoredPath).CheckVerbose(rpm);
        onlyOld.StdOut.ShouldContain("NOKEY");
        PkgifyCli.Run("verify", rpm, "--key", _keys[GpgTestKeyKind.Rsa3072].PublicKeyPath).ExitCode.ShouldBe(1);
    }

    [Test]
    public void Signing_twice_with_the_same_key_and_time_leaves_the_file_as_it_is()
    {
        var rpm = RpmbuildPackage();
        Sign(rpm, _keys[GpgTestKeyKind.Rsa3072]).ExitCode.ShouldBe(0);
        var signed = Sha256(File.ReadAllBytes(rpm));
        var again = Sign(rpm, _keys[GpgTestKeyKind.Rsa3072]);
        again.ExitCode.ShouldBe(0);
        again.StdOut.ShouldContain("already signed");
        Sha256(File.ReadAllBytes(rpm)).ShouldBe(signed);
    }

    [Test]
    public void A_package_without_enough_reserved_space_is_refused_and_left_unchanged()
    {
        // rpmbuild reserves 32 + %__gpg_reserved_space bytes; with 0 no signature fits.
        var rpm = RpmbuildPackage(defines: new Dictionary<string, string> { ["__gpg_reserved_space"] = "0" });
        var before = Sha256(File.ReadAllBytes(rpm));
        var result = Sign(rpm, _keys[GpgTestKeyKind.Rsa3072]);
        result.ExitCode.ShouldBe(1);
        result.StdErr.ShouldContain("cannot be signed in place");
        result.StdErr.ShouldContain("reserved space");
        result.StdErr.TrimEnd('\n').Split('\n').Length.ShouldBe(1);
        Sha256(File.ReadAllBytes(rpm)).ShouldBe(before);
        Directory.GetFiles(Path.GetDirectoryName(rpm)!).Length.ShouldBe(1, "no temp file is left");
    }

    [Test]
    public void Our_own_rpm_is_signed_by_sign_and_by_pack_sign_key_with_the_same_bytes()
    {
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(Path.Combine(tree, "bin"));
        File.WriteAllText(Path.Combine(tree, "bin", "tool"), "#!/bin/sh\necho hi\n");
        var key = _keys[GpgTestKeyKind.Rsa3072Passphrase];
        string Pack(string output, params string[] extra)
        {
            var r = PkgifyCli.Run(["pack", tree, "--name", "signed-demo", "--version", "1.0", "-f", "rpm", "-o", output,
                "--source-date-epoch", Epoch, .. extra], PassphraseEnv(key));
            r.ExitCode.ShouldBe(0, r.StdErr);
            return Directory.GetFiles(output, "*.rpm").Single();
        }

        var signedAtPack = Pack(_tmp.Path("packed-signed"), "--sign-key", key.SecretKeyPath);
        var unsigned = Pack(_tmp.Path("packed"));
        Sign(unsigned, key).ExitCode.ShouldBe(0);

        var keyring = new RpmKeyring(_tmp.Path("rpmdb"), key.PublicKeyArmoredPath);
        foreach (var rpm in new[] { signedAtPack, unsigned })
        {
            var check = keyring.CheckVerbose(rpm);
            check.ExitCode.ShouldBe(0, check.StdOut);
            check.StdOut.ShouldContain("Header V4 RSA/SHA256 Signature");
            check.StdOut.ShouldContain(": OK");
            check.StdOut.ShouldNotContain("NOKEY");
        }

        // Same key, same SOURCE_DATE_EPOCH: signing while writing and signing afterwards give the same package.
        Sha256(File.ReadAllBytes(signedAtPack)).ShouldBe(Sha256(File.ReadAllBytes(unsigned)));
    }

    [Test]
    public void Sign_signs_every_file_it_is_given()
    {
        var first = RpmbuildPackage("first");
        var second = RpmbuildPackage("second");
        var key = _keys[GpgTestKeyKind.Ed25519];
        var result = PkgifyCli.Run(["sign", first, second, "--sign-key", key.SecretKeyPath, "--source-date-epoch", Epoch], PassphraseEnv(key));
        result.ExitCode.ShouldBe(0, result.StdErr);

        var keyring = new RpmKeyring(_tmp.Path("rpmdb"), key.PublicKeyArmoredPath);
        foreach (var rpm in new[] { first, second })
            keyring.CheckSig(rpm).StdOut.ShouldBe($"{rpm}: digests signatures OK\n");
    }

    [Test]
    public void Build_sign_key_writes_an_rpm_that_rpmkeys_accepts()
    {
        using var project = new TinyProject("build-signed");
        var key = _keys[GpgTestKeyKind.Rsa3072Passphrase];
        var env = PassphraseEnv(key)!;
        env["PKGIFY_CACHE_DIR"] = project.CacheDir;
        var output = project.Tmp.Path("out");
        var result = PkgifyCli.Run(["build", project.Dir, "-f", "rpm", "-o", output, "--sign-key", key.SecretKeyPath,
            "--source-date-epoch", Epoch, "--compression", "gzip", "--level", "1"], env);
        result.ExitCode.ShouldBe(0, result.StdErr);
        var rpm = Directory.GetFiles(output, "*.rpm").Single();

        var keyring = new RpmKeyring(_tmp.Path("rpmdb"), key.PublicKeyArmoredPath);
        keyring.CheckSig(rpm).StdOut.ShouldBe($"{rpm}: digests signatures OK\n");
        keyring.CheckVerbose(rpm).StdOut.ShouldContain($"Header V4 RSA/SHA256 Signature, key ID {key.SigningFingerprint[^8..].ToLowerInvariant()}: OK");
        // Without the key imported rpm must not call it OK: the signature is really there.
        new RpmKeyring(_tmp.Path("empty-db")).CheckVerbose(rpm).StdOut.ShouldContain("NOKEY");
    }

    internal static string Sha256(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Where the main header starts: after the lead, the signature header and its pad (formats.md §2.1).</summary>
    private static int MainHeaderStart(string rpm)
    {
        var bytes = File.ReadAllBytes(rpm);
        const int lead = 96;
        var il = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(lead + 8));
        var dl = System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(lead + 12));
        var length = 16 + il * 16 + dl;
        return lead + length + (8 - length % 8) % 8;
    }
}
