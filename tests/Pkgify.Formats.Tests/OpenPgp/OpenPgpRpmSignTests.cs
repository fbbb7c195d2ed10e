using System.Buffers.Binary;
using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;
using ToolRunner = Pkgify.TestSupport.ToolRunner;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>
/// What rpmsign puts in an rpm header signature, compared with what we sign over the same header bytes: same
/// layout, and (signing the same bytes at the same time with a deterministic algorithm) the same packet.
/// </summary>
public class OpenPgpRpmSignTests
{
    // rpm v4 layout (formats.md §2.1–2.3): 96-byte lead, then headers of a 16-byte intro
    // (magic 8, index count 4, data length 4), 16-byte index entries and the data; the signature header is
    // padded to 8 bytes.
    private const int LeadSize = 96;
    private const int HeaderIntroSize = 16;
    private const int IndexEntrySize = 16;
    private const int IndexCountOffset = 8;
    private const int DataLengthOffset = 12;
    private const int SignatureHeaderAlignment = 8;

    private const string Spec = """
        Name: pkgify-sigtest
        Version: 1.0
        Release: 1
        Summary: rpm header signature test
        License: MIT
        BuildArch: noarch

        %description
        A package to be signed by rpmsign.

        %install
        mkdir -p %{buildroot}/opt/pkgify-sigtest
        echo hello > %{buildroot}/opt/pkgify-sigtest/hello

        %files
        /opt/pkgify-sigtest/hello
        """;

    [TestCase(GpgTestKeyKind.Rsa2048, "RSAHEADER")]
    [TestCase(GpgTestKeyKind.Rsa3072, "RSAHEADER")]
    [TestCase(GpgTestKeyKind.Ed25519, "DSAHEADER")]
    [TestCase(GpgTestKeyKind.SigningSubkey, "RSAHEADER")]
    public void Our_signature_over_the_header_equals_rpmsigns_packet(GpgTestKeyKind kind, string tag)
    {
        using var dir = new TempDir("openpgp-rpm");
        var key = OpenPgpTestKeys.Get(kind);
        var secret = OpenPgpTestKeys.Load(kind);
        var rpm = BuildAndSign(dir, key);

        // rpm accepts the signature with our exported key.
        var db = dir.Path("rpmdb");
        var publicKey = dir.Path("RPM-GPG-KEY");
        File.WriteAllText(publicKey, secret.ExportPublicKeyringArmored());
        ToolRunner.RunChecked("rpmkeys", ["--dbpath", db, "--import", publicKey]);
        ToolRunner.RunChecked("rpmkeys", ["--dbpath", db, "--checksig", rpm]).StdOut.ShouldContain("digests signatures OK");
        var verbose = ToolRunner.RunChecked("rpmkeys", ["--dbpath", db, "-Kv", rpm]).StdOut;
        verbose.ShouldContain($"Header V4 {(tag == "RSAHEADER" ? "RSA" : "EdDSA")}/SHA");
        verbose.ShouldContain($"key ID {secret.Fingerprint[^8..].ToLowerInvariant()}: OK");

        var theirs = Convert.FromHexString(
            ToolRunner.RunChecked("rpm", ["-qp", "--qf", $"%{{{tag}}}", rpm]).StdOut.Trim());
        var info = OpenPgpSignatureReader.Read(theirs);
        info.Version.ShouldBe(4);
        info.SignatureType.ShouldBe(0);
        info.IssuerFingerprint.ShouldBe(secret.Fingerprint);
        info.IssuerKeyId.ShouldBe(secret.KeyId);

        var header = MainHeader(File.ReadAllBytes(rpm));
        var ours = OpenPgpSigner.SignDetached(secret, new MemoryStream(header), info.CreationTime, (OpenPgpHash)info.HashAlgorithm);
        Layout(key, dir, "ours.sig", ours).ShouldBe(Layout(key, dir, "theirs.sig", theirs));
        ours.ShouldBe(theirs);

        var ring = secret.ExportPublicKeyring();
        OpenPgpVerifier.Verify(ring, new MemoryStream(header), theirs).ShouldBeTrue();
        header[^1] ^= 1;
        OpenPgpVerifier.Verify(ring, new MemoryStream(header), theirs).ShouldBeFalse();
    }

    private static string BuildAndSign(TempDir dir, GpgTestKey key)
    {
        ToolRunner.Require("rpmbuild");
        ToolRunner.Require("rpmsign");
        var spec = dir.Path("sigtest.spec");
        File.WriteAllText(spec, Spec);
        var top = dir.Path("top");
        ToolRunner.RunChecked("rpmbuild", ["-bb", "--define", $"_topdir {top}", spec]);
        var built = Directory.GetFiles(Path.Combine(top, "RPMS"), "*.rpm", SearchOption.AllDirectories).Single();
        var signed = dir.Path("signed.rpm");
        File.Copy(built, signed);

        // Debian ships no /usr/bin/gpg2, rpmsign's default (formats.md §6.1 item 9).
        ToolRunner.RunChecked("rpmsign",
        [
            "--addsign", "--define", "__gpg /usr/bin/gpg", "--define", $"_gpg_name {key.Fingerprint}",
            "--define", $"_gpg_path {key.GnupgHome}", signed,
        ]);
        return signed;
    }

    private static byte[] MainHeader(byte[] rpm)
    {
        var signatureSize = HeaderSize(rpm, LeadSize);
        var mainStart = LeadSize + signatureSize + ((SignatureHeaderAlignment - (signatureSize % SignatureHeaderAlignment)) % SignatureHeaderAlignment);
        return rpm[mainStart..(mainStart + HeaderSize(rpm, mainStart))];
    }

    private static int HeaderSize(byte[] rpm, int start) =>
        HeaderIntroSize
        + (BinaryPrimitives.ReadInt32BigEndian(rpm.AsSpan(start + IndexCountOffset)) * IndexEntrySize)
        + BinaryPrimitives.ReadInt32BigEndian(rpm.AsSpan(start + DataLengthOffset));

    private static string Layout(GpgTestKey key, TempDir dir, string name, byte[] packet)
    {
        var path = dir.Path(name);
        File.WriteAllBytes(path, packet);
        return GpgOutput.ParseSignature(key.Gpg("--list-packets", path).StdOut).Shape;
    }
}
