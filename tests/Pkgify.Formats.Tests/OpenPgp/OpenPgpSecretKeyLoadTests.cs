using Org.BouncyCastle.Bcpg;
using Org.BouncyCastle.Bcpg.OpenPgp;
using Org.BouncyCastle.Security;
using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>Loading secret key files: protections gpg does not write, GnuPG stubs, and every refusal message.</summary>
public class OpenPgpSecretKeyLoadTests
{
    private const long Time = OpenPgpTestKeys.SignatureTime;

    [TestCase(GpgTestKeyKind.Rsa3072Passphrase)]
    [TestCase(GpgTestKeyKind.Ed25519Passphrase)]
    public void Wrong_passphrase_is_reported_as_such(GpgTestKeyKind kind)
    {
        var key = OpenPgpTestKeys.Get(kind);
        AssertRefused(key.SecretKeyPath, "not the passphrase", "wrong passphrase", key);
    }

    [Test]
    public void Missing_passphrase_for_a_protected_key_is_reported()
    {
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa3072Passphrase);
        AssertRefused(key.SecretKeyPath, null, "is passphrase-protected, but no passphrase was given", key);
    }

    [Test]
    public void A_passphrase_given_for_an_unprotected_key_is_ignored()
    {
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519);
        OpenPgpSecretKey.Load(key.SecretKeyPath, "anything").Fingerprint.ShouldBe(key.Fingerprint);
    }

    [Test]
    public void Public_key_files_are_refused_binary_or_armored()
    {
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa3072);
        AssertRefused(key.PublicKeyPath, null, "is a public key, a secret key is needed", key);
        AssertRefused(key.PublicKeyArmoredPath, null, "is a public key, a secret key is needed", key);
    }

    [Test]
    public void Certify_only_key_without_signing_subkey_has_no_signing_key()
    {
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.CertifyOnly);
        AssertRefused(key.SecretKeyPath, null, "no signing key (no RSA or Ed25519 key with the sign capability and its secret part)", key);
    }

    [Test]
    public void Secret_subkeys_export_signs_with_the_subkey_while_the_primary_is_a_gnu_stub()
    {
        // gpg --export-secret-subkeys writes the primary as a GnuPG "gnu-dummy" S2K stub (no secret part).
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.SigningSubkey);
        var file = dir.Path("subkeys.gpg");
        key.Gpg("--output", file, "--export-secret-subkeys", key.Fingerprint);
        key.Gpg("--list-packets", file).StdOut.ShouldContain("gnu-dummy");

        var secret = OpenPgpSecretKey.Load(file, null);
        secret.Fingerprint.ShouldBe(key.SigningFingerprint);
        var data = OpenPgpSignerGpgTests.WriteData(dir, "data", "signed by a subkey\n"u8.ToArray());
        var signature = dir.Path("data.sig");
        File.WriteAllBytes(signature, OpenPgpSigner.SignDetached(secret, File.OpenRead(data), Time));
        OpenPgpSignerGpgTests.AssertGood(OpenPgpSignerGpgTests.GpgvGood(dir, key, signature, data), key);
    }

    [Test]
    public void Stubbed_primary_without_signing_subkey_has_no_signing_key()
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519);
        var file = dir.Path("subkeys.gpg");
        key.Gpg("--output", file, "--export-secret-subkeys", key.Fingerprint);
        AssertRefused(file, null, "no signing key (no RSA or Ed25519 key with the sign capability and its secret part)", key);
    }

    [TestCase(SymmetricKeyAlgorithmTag.Cast5)]
    [TestCase(SymmetricKeyAlgorithmTag.Aes256)]
    [TestCase(SymmetricKeyAlgorithmTag.TripleDes)]
    [TestCase(SymmetricKeyAlgorithmTag.Twofish)]
    public void Keys_protected_with_other_ciphers_load_and_sign(SymmetricKeyAlgorithmTag cipher)
    {
        // gpg 2.2 always exports with AES-128; BouncyCastle re-protects the RSA key (iterated+salted SHA-1 S2K).
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa3072);
        var file = dir.Path("reprotected.gpg");
        File.WriteAllBytes(file, Reprotect(key.SecretKeyPath, cipher));
        key.Gpg("--list-packets", file).StdOut.ShouldContain($"iter+salt S2K, algo: {(int)cipher},");

        AssertRefused(file, "not it", "wrong passphrase", key);
        var secret = OpenPgpSecretKey.Load(file, GpgTestKeys.TestPassphrase);
        var data = OpenPgpSignerGpgTests.WriteData(dir, "data", "re-protected\n"u8.ToArray());
        var signature = dir.Path("data.sig");
        File.WriteAllBytes(signature, OpenPgpSigner.SignDetached(secret, File.OpenRead(data), Time));
        OpenPgpSignerGpgTests.AssertGood(OpenPgpSignerGpgTests.GpgvGood(dir, key, signature, data), key);
    }

    [Test]
    public void Armor_with_a_bad_checksum_is_unreadable()
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519);
        var lines = File.ReadAllLines(key.SecretKeyPath);
        var crc = Array.FindIndex(lines, l => l.StartsWith('='));
        lines[crc] = lines[crc][..^1] + (lines[crc][^1] == 'A' ? 'B' : 'A');
        var file = dir.Path("bad-crc.asc");
        File.WriteAllLines(file, lines);
        AssertRefused(file, null, "unreadable: OpenPGP armor of PGP PRIVATE KEY BLOCK fails its CRC-24 checksum", key);
    }

    [Test]
    public void Armor_with_a_changed_body_fails_its_checksum()
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa3072);
        var lines = File.ReadAllLines(key.SecretKeyPath);
        lines[5] = (lines[5][0] == 'A' ? "B" : "A") + lines[5][1..];
        var file = dir.Path("bad-body.asc");
        File.WriteAllLines(file, lines);
        AssertRefused(file, null, "unreadable: OpenPGP armor of PGP PRIVATE KEY BLOCK fails its CRC-24 checksum", key);
    }

    [Test]
    public void Garbage_empty_truncated_missing_and_doubled_files_are_unreadable()
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa3072);
        var binary = dir.Path("secret.gpg");
        key.Gpg("--output", binary, "--export-secret-keys", key.Fingerprint);
        var bytes = File.ReadAllBytes(binary);

        var cases = new Dictionary<string, byte[]>
        {
            ["garbage.bin"] = OpenPgpSignerGpgTests.Payload(3000).Select(b => (byte)(b & 0x7F)).ToArray(),
            ["text.txt"] = "this is not a key\n"u8.ToArray(),
            ["empty"] = [],
            ["truncated.gpg"] = bytes[..(bytes.Length / 2)],
            ["doubled.gpg"] = [.. bytes, .. SecondSecretKey()],
            ["no-armor-end.asc"] = System.Text.Encoding.ASCII.GetBytes(string.Join('\n', File.ReadAllLines(key.SecretKeyPath)[..^2])),
        };
        foreach (var (name, content) in cases)
        {
            var file = dir.Path(name);
            File.WriteAllBytes(file, content);
            AssertRefused(file, null, "unreadable: ", key);
        }

        AssertRefused(dir.Path("missing.asc"), null, "unreadable: no such file", key);
        Should.Throw<OpenPgpKeyException>(() => OpenPgpSecretKey.Load(dir.Path("doubled.gpg"), null))
            .Message.ShouldEndWith("it holds 2 keys; export only the one to sign with");
    }

    [TestCase(GpgTestKeyKind.Ed25519, 1500)]
    [TestCase(GpgTestKeyKind.SigningSubkey, 800)]
    [TestCase(GpgTestKeyKind.Ed25519Passphrase, 60)]
    public void Damaged_key_files_load_or_fail_with_OpenPgpKeyException_only(GpgTestKeyKind kind, int rounds)
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(kind);
        var original = OpenPgpArmor.Decode(File.ReadAllText(key.SecretKeyPath), out _);
        var file = dir.Path("damaged.gpg");
        var random = new Random(rounds);
        BoundedRun.Within(TimeSpan.FromMinutes(2), () =>
        {
            for (var round = 0; round < rounds; round++)
            {
                var damaged = (byte[])original.Clone();
                for (var n = random.Next(1, 4); n > 0; n--)
                {
                    damaged[random.Next(damaged.Length)] ^= (byte)random.Next(1, 256);
                }

                File.WriteAllBytes(file, damaged[..random.Next(1, damaged.Length + 1)]);
                try
                {
                    OpenPgpSecretKey.Load(file, key.Passphrase);
                }
                catch (OpenPgpKeyException e)
                {
                    e.Message.ShouldNotContain("\n");
                }
            }
        });
    }

    private static byte[] SecondSecretKey() =>
        OpenPgpArmor.Decode(File.ReadAllText(OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519).SecretKeyPath), out _);

    private static byte[] Reprotect(string armoredSecretKey, SymmetricKeyAlgorithmTag cipher)
    {
        var ring = new PgpSecretKeyRing(OpenPgpArmor.Decode(File.ReadAllText(armoredSecretKey), out _));
        var copy = PgpSecretKeyRing.CopyWithNewPassword(ring, [], GpgTestKeys.TestPassphrase.ToCharArray(), cipher, new SecureRandom());
        return copy.GetEncoded();
    }

    /// <summary>
    /// Load must fail with one line "key file PATH: REASON" that gives away neither the passphrase nor any
    /// piece of the key file.
    /// </summary>
    private static void AssertRefused(string path, string? passphrase, string reason, GpgTestKey key)
    {
        var error = Should.Throw<OpenPgpKeyException>(() => OpenPgpSecretKey.Load(path, passphrase));
        TestContext.Out.WriteLine(error.Message);
        error.Message.ShouldStartWith($"key file {path}: {reason}");
        error.Message.ShouldNotContain("\n");
        if (passphrase is not null)
        {
            error.Message.ShouldNotContain(passphrase);
        }

        error.Message.ShouldNotContain(GpgTestKeys.TestPassphrase);
        foreach (var line in File.ReadAllLines(key.SecretKeyPath).Where(l => l.Length >= 16 && !l.StartsWith("-----")))
        {
            for (var i = 0; i + 12 <= line.Length; i += 12)
            {
                error.Message.ShouldNotContain(line.Substring(i, 12));
            }
        }
    }
}
