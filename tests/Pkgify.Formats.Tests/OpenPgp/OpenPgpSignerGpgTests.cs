using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;
using ToolResult = Pkgify.TestSupport.ToolResult;
using ToolRunner = Pkgify.TestSupport.ToolRunner;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>Our detached signatures checked by gpgv and gpg, and compared with what gpg itself signs.</summary>
public class OpenPgpSignerGpgTests
{
    private const long Time = OpenPgpTestKeys.SignatureTime;

    private static IEnumerable<TestCaseData> KindsAndHashes() =>
        from kind in OpenPgpTestKeys.SigningKinds
        from hash in new[] { OpenPgpHash.Sha256, OpenPgpHash.Sha512 }
        select new TestCaseData(kind, hash);

    [TestCaseSource(nameof(KindsAndHashes))]
    public void Binary_detached_signature_verifies_with_gpgv_and_gpg(GpgTestKeyKind kind, OpenPgpHash hash)
    {
        using var dir = new TempDir("openpgp");
        var (key, data, signature) = SignToFiles(dir, kind, hash, Payload(70_001));

        AssertGood(GpgvGood(dir, key, signature, data), key);
        AssertGood(key.Gpg("--status-fd", "1", "--verify", signature, data).StdOut, key);
        File.AppendAllText(data, "x");
        Gpgv(dir, key.PublicKeyPath, signature, data).ExitCode.ShouldNotBe(0);
    }

    [TestCaseSource(nameof(KindsAndHashes))]
    public void Armored_detached_signature_verifies_with_gpgv_and_gpg(GpgTestKeyKind kind, OpenPgpHash hash)
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(kind);
        var data = WriteData(dir, "Release", "Origin: pkgify\nSuite: stable\n"u8.ToArray());
        var signature = dir.Path("Release.gpg");
        using (var input = File.OpenRead(data))
        {
            File.WriteAllText(signature, OpenPgpSigner.SignDetachedArmored(OpenPgpTestKeys.Load(kind), input, Time, hash));
        }

        File.ReadAllText(signature).ShouldStartWith("-----BEGIN PGP SIGNATURE-----\n\n");
        AssertGood(GpgvGood(dir, key, signature, data), key);
        AssertGood(key.Gpg("--status-fd", "1", "--verify", signature, data).StdOut, key);
    }

    [TestCaseSource(nameof(KindsAndHashes))]
    public void Packet_layout_is_v4_with_hashed_33_and_2_and_unhashed_16(GpgTestKeyKind kind, OpenPgpHash hash)
    {
        using var dir = new TempDir("openpgp");
        var (key, _, signature) = SignToFiles(dir, kind, hash, Payload(10));

        var layout = GpgOutput.ParseSignature(key.Gpg("--list-packets", signature).StdOut);
        layout.Version.ShouldBe(4);
        layout.SignatureClass.ShouldBe(0x00);
        layout.DigestAlgorithm.ShouldBe((int)hash);
        layout.PublicKeyAlgorithm.ShouldBe(key.Algorithm.StartsWith("rsa") ? 1 : 22);
        layout.Created.ShouldBe(Time);
        layout.IssuerKeyId.ShouldBe(key.SigningFingerprint[^16..]);
        layout.Hashed.ShouldBe([33, 2]);
        layout.Unhashed.ShouldBe([16]);
        layout.DataMpis.ShouldBe(key.Algorithm.StartsWith("rsa") ? 1 : 2);
    }

    [TestCaseSource(nameof(KindsAndHashes))]
    public void Signature_is_byte_identical_to_gpg_detach_sign_at_the_same_time(GpgTestKeyKind kind, OpenPgpHash hash)
    {
        // RSA PKCS#1 v1.5 and Ed25519 are deterministic, and we write the subpackets gpg 2.2 writes, in its order.
        var key = OpenPgpTestKeys.Get(kind);
        var data = Payload(5000);
        var theirs = GpgSign(key, data, "--digest-algo", hash == OpenPgpHash.Sha256 ? "SHA256" : "SHA512", "--detach-sign");

        OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(kind), new MemoryStream(data), Time, hash).ShouldBe(theirs);
    }

    [Test]
    public void Armored_signature_is_byte_identical_to_gpg_armor_detach_sign()
    {
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519);
        var data = "<repomd/>\n"u8.ToArray();
        var theirs = GpgSign(key, data, "--digest-algo", "SHA512", "--armor", "--detach-sign");

        OpenPgpSigner.SignDetachedArmored(OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519), new MemoryStream(data), Time)
            .ShouldBe(System.Text.Encoding.ASCII.GetString(theirs));
    }

    [TestCase(GpgTestKeyKind.Rsa4096)]
    [TestCase(GpgTestKeyKind.Ed25519)]
    public void Same_key_data_and_time_give_the_same_bytes(GpgTestKeyKind kind)
    {
        var data = Payload(1234);
        var first = OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(kind), new MemoryStream(data), Time);
        var second = OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(kind), new MemoryStream(data), Time);
        second.ShouldBe(first);
        OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(kind), new MemoryStream(data), Time + 1).ShouldNotBe(first);
    }

    [Test]
    public void Signature_covers_the_stream_from_its_current_position()
    {
        var key = OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519);
        var stream = new MemoryStream([.. "skipped"u8, .. Payload(100)]) { Position = "skipped".Length };
        OpenPgpSigner.SignDetached(key, new NonSeekableStream(stream), Time)
            .ShouldBe(OpenPgpSigner.SignDetached(key, new MemoryStream(Payload(100)), Time));
    }

    [Test]
    public void Signature_time_outside_the_key_lifetime_or_32_bits_is_refused()
    {
        var key = OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519);
        Should.Throw<ArgumentOutOfRangeException>(() => OpenPgpSigner.SignDetached(key, new MemoryStream(), GpgTestKeys.KeyCreationTime - 1))
            .Message.ShouldContain("before key");
        Should.Throw<ArgumentOutOfRangeException>(() => OpenPgpSigner.SignDetached(key, new MemoryStream(), (long)uint.MaxValue + 1));
        Should.Throw<ArgumentOutOfRangeException>(() => OpenPgpSigner.SignDetached(key, new MemoryStream(), Time, (OpenPgpHash)2));
    }

    private static (GpgTestKey Key, string Data, string Signature) SignToFiles(TempDir dir, GpgTestKeyKind kind,
        OpenPgpHash hash, byte[] content)
    {
        var data = WriteData(dir, "data.bin", content);
        var signature = dir.Path("data.sig");
        File.WriteAllBytes(signature, Sign(kind, data, hash));
        return (OpenPgpTestKeys.Get(kind), data, signature);
    }

    /// <summary>What gpg signs over <paramref name="data"/> with the signing key at <see cref="OpenPgpTestKeys.SignatureTime"/>.</summary>
    internal static byte[] GpgSign(GpgTestKey key, byte[] data, params string[] args)
    {
        using var dir = new TempDir("openpgp");
        var input = WriteData(dir, "data", data);
        var output = dir.Path("data.sig");
        // "!" after the fingerprint makes gpg use exactly that (sub)key.
        key.Gpg([$"--faked-system-time={Time}!", "--local-user", key.SigningFingerprint + "!", "--output", output, .. args, input]);
        return File.ReadAllBytes(output);
    }

    internal static byte[] Sign(GpgTestKeyKind kind, string dataPath, OpenPgpHash hash)
    {
        using var input = File.OpenRead(dataPath);
        return OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(kind), input, Time, hash);
    }

    internal static string GpgvGood(TempDir dir, GpgTestKey key, string signature, string data)
    {
        var result = Gpgv(dir, key.PublicKeyPath, signature, data);
        result.ExitCode.ShouldBe(0, result.StdErr);
        return result.StdOut;
    }

    internal static ToolResult Gpgv(TempDir dir, string keyring, string signature, string data)
    {
        var home = dir.Path("gpgv-home");
        Directory.CreateDirectory(home);
        return ToolRunner.Run("gpgv", ["--homedir", home, "--status-fd", "1", "--keyring", keyring, signature, data]);
    }

    internal static void AssertGood(string status, GpgTestKey key)
    {
        status.ShouldContain("[GNUPG:] GOODSIG ");
        var valid = GpgOutput.ValidSig(status);
        valid.ShouldNotBeNull(status);
        valid[0].ShouldBe(key.SigningFingerprint);
        valid[2].ShouldBe(Time.ToString());
        valid[^1].ShouldBe(key.Fingerprint);
    }

    internal static string WriteData(TempDir dir, string name, byte[] data)
    {
        var path = dir.Path(name);
        File.WriteAllBytes(path, data);
        return path;
    }

    internal static byte[] Payload(int length)
    {
        // Deterministic bytes including CR, LF and NUL, which a binary signature must not treat specially.
        var data = new byte[length];
        new Random(length).NextBytes(data);
        return data;
    }
}
