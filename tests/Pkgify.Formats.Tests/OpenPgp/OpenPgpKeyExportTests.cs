using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;
using ToolRunner = Pkgify.TestSupport.ToolRunner;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>The public key we export from a secret key file, compared with gpg --export and imported by gpg and rpm.</summary>
public class OpenPgpKeyExportTests
{
    private static readonly GpgTestKeyKind[] Kinds = OpenPgpTestKeys.SigningKinds;

    [TestCaseSource(nameof(Kinds))]
    public void Export_is_byte_identical_to_gpg_export(GpgTestKeyKind kind)
    {
        var key = OpenPgpTestKeys.Get(kind);
        var secret = OpenPgpTestKeys.Load(kind);
        secret.ExportPublicKeyring().ShouldBe(File.ReadAllBytes(key.PublicKeyPath));
        secret.ExportPublicKeyringArmored().ShouldBe(File.ReadAllText(key.PublicKeyArmoredPath));
    }

    [TestCaseSource(nameof(Kinds))]
    public void Armored_and_binary_exports_import_into_gpg_with_the_same_fingerprint(GpgTestKeyKind kind)
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(kind);
        var secret = OpenPgpTestKeys.Load(kind);
        var armored = dir.Path("key.asc");
        var binary = dir.Path("key.gpg");
        File.WriteAllText(armored, secret.ExportPublicKeyringArmored());
        File.WriteAllBytes(binary, secret.ExportPublicKeyring());

        foreach (var file in new[] { armored, binary })
        {
            var home = dir.Path($"home-{Path.GetFileName(file)}");
            Directory.CreateDirectory(home);
            ToolRunner.RunChecked("gpg", ["--homedir", home, "--batch", "--import", file]);
            var listing = ToolRunner.RunChecked("gpg", ["--homedir", home, "--with-colons", "--with-subkey-fingerprints", "--list-keys"]).StdOut;
            var fingerprints = listing.Split('\n').Where(l => l.StartsWith("fpr:")).Select(l => l.Split(':')[9]).ToList();
            fingerprints[0].ShouldBe(key.Fingerprint);
            fingerprints.ShouldContain(secret.Fingerprint);
            ToolRunner.Run("gpgconf", ["--homedir", home, "--kill", "all"]);
        }
    }

    [TestCaseSource(nameof(Kinds))]
    public void Armored_export_imports_into_rpm(GpgTestKeyKind kind)
    {
        using var dir = new TempDir("openpgp");
        var secret = OpenPgpTestKeys.Load(kind);
        var armored = dir.Path("RPM-GPG-KEY-test");
        File.WriteAllText(armored, secret.ExportPublicKeyringArmored());
        var db = dir.Path("rpmdb");

        ToolRunner.RunChecked("rpmkeys", ["--dbpath", db, "--import", armored]);

        // rpm names an imported key gpg-pubkey-<short key ID of the primary>-<creation time in hex>.
        var primaryShortId = secret.PrimaryFingerprint[^8..].ToLowerInvariant();
        var installed = ToolRunner.RunChecked("rpm", ["--dbpath", db, "-q", "gpg-pubkey"]).StdOut.Trim();
        installed.ShouldBe($"gpg-pubkey-{primaryShortId}-{GpgTestKeys.KeyCreationTime:x}");
    }

    [Test]
    public void Key_facts_match_what_gpg_lists()
    {
        var rsa = OpenPgpTestKeys.Load(GpgTestKeyKind.Rsa4096);
        rsa.Fingerprint.ShouldBe(OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa4096).Fingerprint);
        rsa.PrimaryFingerprint.ShouldBe(rsa.Fingerprint);
        rsa.KeyId.ShouldBe(Convert.ToUInt64(rsa.Fingerprint[^16..], 16));
        rsa.Algorithm.ShouldBe("RSA-4096");
        rsa.CreationTime.ShouldBe(GpgTestKeys.KeyCreationTime);
        rsa.ExpirationTime.ShouldBeNull();

        OpenPgpTestKeys.Load(GpgTestKeyKind.Rsa2048).Algorithm.ShouldBe("RSA-2048");
        OpenPgpTestKeys.Load(GpgTestKeyKind.Rsa3072).Algorithm.ShouldBe("RSA-3072");
        OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519Passphrase).Algorithm.ShouldBe("Ed25519");

        // The Ed25519 key has a cv25519 encryption subkey: the signing key stays the primary.
        var ed = OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519);
        ed.Fingerprint.ShouldBe(OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519).Fingerprint);
        ed.Algorithm.ShouldBe("Ed25519");
    }

    [Test]
    public void Certify_only_primary_signs_through_its_signing_subkey()
    {
        var gpgKey = OpenPgpTestKeys.Get(GpgTestKeyKind.SigningSubkey);
        var key = OpenPgpTestKeys.Load(GpgTestKeyKind.SigningSubkey);
        key.Fingerprint.ShouldBe(gpgKey.SigningFingerprint);
        key.PrimaryFingerprint.ShouldBe(gpgKey.Fingerprint);
        key.Fingerprint.ShouldNotBe(key.PrimaryFingerprint);
        key.CreationTime.ShouldBe(GpgTestKeys.KeyCreationTime + GpgTestKeys.SubkeyDelay);
    }
}
