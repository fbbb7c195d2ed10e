using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>Our verifier on signatures made by gpg (and by us), with gpg's exported key rings.</summary>
public class OpenPgpVerifierTests
{
    private const long Time = OpenPgpTestKeys.SignatureTime;
    private static readonly byte[] Data = "Origin: pkgify\nSuite: stable\n"u8.ToArray();

    [TestCase(GpgTestKeyKind.Rsa2048, "SHA256")]
    [TestCase(GpgTestKeyKind.Rsa3072, "SHA256")]
    [TestCase(GpgTestKeyKind.Rsa4096, "SHA384")]
    [TestCase(GpgTestKeyKind.Ed25519, "SHA512")]
    [TestCase(GpgTestKeyKind.SigningSubkey, "SHA512")]
    public void Gpg_signatures_verify_with_gpg_exported_key_rings(GpgTestKeyKind kind, string digest)
    {
        var key = OpenPgpTestKeys.Get(kind);
        var binary = OpenPgpSignerGpgTests.GpgSign(key, Data, "--digest-algo", digest, "--detach-sign");
        var armored = OpenPgpArmor.Decode(System.Text.Encoding.ASCII.GetString(
            OpenPgpSignerGpgTests.GpgSign(key, Data, "--digest-algo", digest, "--armor", "--detach-sign")), out _);
        var ring = File.ReadAllBytes(key.PublicKeyPath);
        var armoredRing = File.ReadAllBytes(key.PublicKeyArmoredPath);

        foreach (var signature in new[] { binary, armored })
        {
            OpenPgpVerifier.Verify(ring, new MemoryStream(Data), signature).ShouldBeTrue();
            OpenPgpVerifier.Verify(armoredRing, new MemoryStream(Data), signature).ShouldBeTrue();
            OpenPgpVerifier.Verify(ring, new MemoryStream([.. Data, 0]), signature).ShouldBeFalse();
        }
    }

    [Test]
    public void Gpg_textmode_signature_verifies_over_lf_text()
    {
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519);
        var signature = OpenPgpSignerGpgTests.GpgSign(key, Data, "--textmode", "--detach-sign");
        OpenPgpSignatureReader.Read(signature).SignatureType.ShouldBe(0x01);
        OpenPgpVerifier.Verify(File.ReadAllBytes(key.PublicKeyPath), new MemoryStream(Data), signature).ShouldBeTrue();
    }

    [Test]
    public void Signature_by_another_key_or_over_other_data_does_not_verify()
    {
        var signature = OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(GpgTestKeyKind.Rsa3072), new MemoryStream(Data), Time);
        var otherRing = File.ReadAllBytes(OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa4096).PublicKeyPath);
        var ownRing = File.ReadAllBytes(OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa3072).PublicKeyPath);
        OpenPgpVerifier.Verify(otherRing, new MemoryStream(Data), signature).ShouldBeFalse();
        OpenPgpVerifier.Verify([.. otherRing, .. ownRing], new MemoryStream(Data), signature).ShouldBeTrue();

        // A flipped bit in the signature value (not the digest prefix) must fail the RSA check itself.
        signature[^1] ^= 1;
        OpenPgpVerifier.Verify(ownRing, new MemoryStream(Data), signature).ShouldBeFalse();
    }

    [Test]
    public void Sha1_signatures_are_refused()
    {
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Rsa3072);
        var signature = OpenPgpSignerGpgTests.GpgSign(key, Data, "--digest-algo", "SHA1", "--detach-sign");
        Should.Throw<InvalidDataException>(() => OpenPgpVerifier.Verify(File.ReadAllBytes(key.PublicKeyPath), new MemoryStream(Data), signature))
            .Message.ShouldContain("SHA1");
    }

    [TestCase(GpgTestKeyKind.Ed25519)]
    [TestCase(GpgTestKeyKind.Rsa3072)]
    public void Damaged_signatures_and_key_rings_give_false_or_InvalidDataException(GpgTestKeyKind kind)
    {
        var key = OpenPgpTestKeys.Get(kind);
        var ring = File.ReadAllBytes(key.PublicKeyPath);
        var signature = OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(kind), new MemoryStream(Data), Time);
        var random = new Random(9580);
        BoundedRun.Within(TimeSpan.FromSeconds(60), () =>
        {
            for (var round = 0; round < 1000; round++)
            {
                var badSignature = (byte[])signature.Clone();
                badSignature[random.Next(badSignature.Length)] ^= (byte)random.Next(1, 256);
                VerifiesFalseOrRejects(ring, badSignature);

                var badRing = (byte[])ring.Clone();
                badRing[random.Next(badRing.Length)] ^= (byte)random.Next(1, 256);
                VerifiesFalseOrRejects(badRing[..random.Next(1, badRing.Length + 1)], signature);
            }
        });
        Should.Throw<InvalidDataException>(() => OpenPgpVerifier.Verify([], new MemoryStream(Data), signature));
        Should.Throw<InvalidDataException>(() => OpenPgpVerifier.Verify(ring, new MemoryStream(Data), signature[..^1]));
    }

    private static IEnumerable<TestCaseData> ImpossibleKeys()
    {
        const byte rsa = 1, eddsa = 22;
        byte[] big = [0x04, 0x00, .. Enumerable.Repeat((byte)0xFF, 128)]; // a 1024-bit odd "modulus"
        byte[] ed25519Oid = [9, 0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01];
        byte[] twoMpis = [0x00, 0x08, 0x01, 0x00, 0x08, 0x01];
        yield return Case("RSA empty n and e", rsa, [0x00, 0x00, 0x00, 0x00], [0x00, 0x08, 0x9F]);
        yield return Case("RSA 8-bit n", rsa, [0x00, 0x08, 0x0F, 0x00, 0x02, 0x03], [0x00, 0x08, 0x9F]);
        yield return Case("RSA even n, empty e", rsa, [0x00, 0x10, 0xFF, 0xFE, 0x00, 0x00], [0x00, 0x08, 0x9F]);
        yield return Case("RSA 1024-bit n, empty e", rsa, [.. big, 0x00, 0x00], [0x00, 0x08, 0x9F]);
        yield return Case("RSA 1024-bit n, e 3", rsa, [.. big, 0x00, 0x02, 0x03], [0x00, 0x08, 0x9F]);
        yield return Case("RSA 64-bit e", rsa, [.. big, 0x00, 0x40, .. Enumerable.Repeat((byte)0xFF, 8)], [0x00, 0x08, 0x9F]);
        yield return Case("EdDSA point of 0xFF", eddsa, [.. ed25519Oid, 0x01, 0x07, 0x40, .. Enumerable.Repeat((byte)0xFF, 32)], twoMpis);
        yield return Case("EdDSA point of zeros", eddsa, [.. ed25519Oid, 0x01, 0x07, 0x40, .. new byte[32]], twoMpis);
        yield return Case("EdDSA R and S too long", eddsa, [.. ed25519Oid, 0x01, 0x07, 0x40, .. new byte[32]],
            [0x01, 0x08, .. new byte[33], 0x00, 0x08, 0x01]);

        static TestCaseData Case(string name, byte algorithm, byte[] keyFields, byte[] signatureMpis) =>
            new TestCaseData(algorithm, keyFields, signatureMpis).SetArgDisplayNames(name);
    }

    [TestCaseSource(nameof(ImpossibleKeys))]
    public void Crafted_key_that_is_no_real_key_does_not_verify(byte algorithm, byte[] keyFields, byte[] signatureMpis)
    {
        // A key ring naming a "key" with impossible numbers, and a signature whose issuer fingerprint points at it.
        byte[] keyBody = [4, 0x5F, 0x5E, 0x10, 0x00, algorithm, .. keyFields];
        var ring = OpenPgpPacketHeader.OldFormatPacket(OpenPgpPacketTags.PublicKey, keyBody);
        var fingerprint = PublicKeyMaterial.Parse(keyBody, isSecretPacket: false, out _).Fingerprint;
        byte[] hashed = [22, 33, 4, .. fingerprint, 5, 2, 0x65, 0x53, 0xF1, 0x00];
        byte[] hashedPart = [4, 0, algorithm, 8, 0, (byte)hashed.Length, .. hashed];
        // The right digest prefix, so the check reaches the public-key operation itself.
        var digest = System.Security.Cryptography.SHA256.HashData([.. Data, .. hashedPart, 4, 0xFF, 0, 0, 0, (byte)hashedPart.Length]);
        byte[] body = [.. hashedPart, 0, 0, digest[0], digest[1], .. signatureMpis];
        var signature = OpenPgpPacketHeader.OldFormatPacket(OpenPgpPacketTags.Signature, body);
        OpenPgpVerifier.Verify(ring, new MemoryStream(Data), signature).ShouldBeFalse();
    }

    private static void VerifiesFalseOrRejects(byte[] ring, byte[] signature)
    {
        try
        {
            // A change in the parts the digest does not cover (the unhashed issuer ID) can still verify; any
            // other answer must be false or a clean rejection.
            OpenPgpVerifier.Verify(ring, new MemoryStream(Data), signature);
        }
        catch (InvalidDataException)
        {
        }
    }
}
