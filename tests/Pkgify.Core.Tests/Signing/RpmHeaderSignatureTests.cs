using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Core.Signing;
using Pkgify.Formats.OpenPgp;
using Pkgify.Formats.Rpm;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Signing;

/// <summary>The signature header keeps its length (pad included) whatever signature goes in, as rpmsign's does.</summary>
[NonParallelizable]
public class RpmHeaderSignatureTests
{
    private const long Time = 1_700_000_000;
    private GpgTestKey _rsa = null!;
    private GpgTestKey _ed25519 = null!;

    [OneTimeSetUp]
    public void CreateKeys()
    {
        _rsa = GpgTestKeys.Create(GpgTestKeyKind.Rsa4096);
        _ed25519 = GpgTestKeys.Create(GpgTestKeyKind.Ed25519);
    }

    [OneTimeTearDown]
    public void DisposeKeys()
    {
        _rsa.Dispose();
        _ed25519.Dispose();
    }

    private static readonly byte[] MainHeader = RandomNumberGenerator.GetBytes(3000);

    /// <summary>What rpmbuild 4.18 writes for an unsigned package (formats.md §2.4), with <paramref name="reserved"/> bytes of RESERVEDSPACE.</summary>
    private static RpmHeader Unsigned(int reserved)
    {
        var b = new RpmHeaderBuilder(RpmTags.HeaderSignatures)
            .AddString(RpmTags.SigSha1, Convert.ToHexStringLower(SHA1.HashData(MainHeader)))
            .AddString(RpmTags.SigSha256, Convert.ToHexStringLower(SHA256.HashData(MainHeader)))
            .AddInt32(RpmTags.SigSize, [5000])
            .AddBin(RpmTags.SigMd5, new byte[16])
            .AddInt32(RpmTags.SigPayloadSize, [9000]);
        if (reserved > 0)
            b.AddBin(RpmTags.SigReservedSpace, new byte[reserved]);
        return Parse(b.Build());
    }

    private static RpmHeader Parse(byte[] bytes) => RpmHeader.Read(new MemoryStream(bytes), isSignature: true);

    private static int Padded(int length) => length + RpmSignatureHeader.PaddingFor(length);

    private static OpenPgpSecretKey Load(GpgTestKey key) => OpenPgpSecretKey.Load(key.SecretKeyPath, key.Passphrase);

    [Test]
    public void An_RSA_signature_goes_into_268_and_the_reserved_space_shrinks_by_what_it_adds()
    {
        var original = Unsigned(4128);
        var signed = RpmHeaderSignature.Sign(original, MainHeader, Load(_rsa), Time, out var tag, out var problem);
        problem.ShouldBeNull();
        tag.ShouldBe(RpmTags.SigRsa);
        Padded(signed!.Length).ShouldBe(Padded(original.RawBytes.Length));

        var parsed = Parse(signed);
        var packet = parsed.GetBin(RpmTags.SigRsa)!;
        parsed.Has(RpmTags.SigDsa).ShouldBeFalse();
        // One index entry (16 bytes) and the packet were added; the pad absorbs at most 7 bytes of difference.
        var reserved = parsed.GetBin(RpmTags.SigReservedSpace)!.Length;
        (4128 - reserved - 16 - packet.Length).ShouldBeInRange(-7, 7);
        reserved.ShouldBeGreaterThan(0);
        parsed.GetString(RpmTags.SigSha256).ShouldBe(original.GetString(RpmTags.SigSha256));
        OpenPgpVerifier.Verify(File.ReadAllBytes(_rsa.PublicKeyPath), new MemoryStream(MainHeader), packet).ShouldBeTrue();
    }

    [Test]
    public void Re_signing_with_Ed25519_replaces_the_RSA_signature_with_267()
    {
        var rsaSigned = Parse(RpmHeaderSignature.Sign(Unsigned(4128), MainHeader, Load(_rsa), Time, out _, out _)!);
        var edSigned = RpmHeaderSignature.Sign(rsaSigned, MainHeader, Load(_ed25519), Time, out var tag, out _);
        tag.ShouldBe(RpmTags.SigDsa);
        Padded(edSigned!.Length).ShouldBe(Padded(rsaSigned.RawBytes.Length));
        var parsed = Parse(edSigned);
        parsed.Has(RpmTags.SigRsa).ShouldBeFalse();
        OpenPgpVerifier.Verify(File.ReadAllBytes(_ed25519.PublicKeyPath), new MemoryStream(MainHeader), parsed.GetBin(RpmTags.SigDsa)!).ShouldBeTrue();
    }

    [TestCase(0)]
    [TestCase(32)]
    public void Too_little_reserved_space_gives_a_reason_and_no_header(int reserved)
    {
        var header = RpmHeaderSignature.Sign(Unsigned(reserved), MainHeader, Load(_rsa), Time, out _, out var problem);
        header.ShouldBeNull();
        problem.ShouldNotBeNull();
        problem.ShouldContain($"{reserved} bytes of reserved space");
    }

    [Test]
    public void The_same_key_data_and_time_give_the_same_bytes()
    {
        var a = RpmHeaderSignature.Sign(Unsigned(4128), MainHeader, Load(_rsa), Time, out _, out _);
        var b = RpmHeaderSignature.Sign(Unsigned(4128), MainHeader, Load(_rsa), Time, out _, out _);
        a.ShouldBe(b);
    }
}
