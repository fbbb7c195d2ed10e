using System.Text;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>Reading cleartext signed messages (InRelease) as apt does: gpg's own output, ours, and malformed ones.</summary>
public class OpenPgpCleartextReaderTests
{
    private const string Release = "Origin: x\nSuite: stable\n-dash line\ntrailing   \nSHA256:\n 00 1 main/binary-amd64/Packages\n";

    private static bool Verifies(GpgTestKeyKind kind, OpenPgpCleartextMessage message)
    {
        var key = OpenPgpTestKeys.Get(kind);
        using var signed = new MemoryStream(Encoding.UTF8.GetBytes(message.SignedText));
        return OpenPgpVerifier.Verify(File.ReadAllBytes(key.PublicKeyPath), signed, message.Signature);
    }

    [TestCase(GpgTestKeyKind.Rsa3072)]
    [TestCase(GpgTestKeyKind.Ed25519)]
    public void Gpg_clearsign_output_is_split_and_its_signature_verifies(GpgTestKeyKind kind)
    {
        var key = OpenPgpTestKeys.Get(kind);
        using var dir = new TempDir("cleartext");
        var input = dir.Path("Release");
        File.WriteAllText(input, Release);
        var output = dir.Path("InRelease");
        key.Gpg("--digest-algo", "SHA512", "--output", output, "--clearsign", input);

        var message = OpenPgpCleartextReader.Read(File.ReadAllText(output));
        message.HashHeaders.ShouldBe(["SHA512"]);
        // gpg keeps the trailing spaces in the text it writes; they are not signed (RFC 4880 §7.1).
        message.Text.ShouldBe(Release);
        message.SignedText.ShouldBe(Release.Replace("trailing   ", "trailing").TrimEnd('\n'));
        Verifies(kind, message).ShouldBeTrue();
    }

    [Test]
    public void Our_own_InRelease_round_trips_and_a_changed_line_fails()
    {
        var text = OpenPgpSigner.SignCleartext(OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519), Release, OpenPgpTestKeys.SignatureTime);
        var message = OpenPgpCleartextReader.Read(text);
        message.Text.ShouldBe(Release.Replace("trailing   ", "trailing"));
        Verifies(GpgTestKeyKind.Ed25519, message).ShouldBeTrue();
        Verifies(GpgTestKeyKind.Ed25519, OpenPgpCleartextReader.Read(text.Replace("Suite: stable", "Suite: stablE"))).ShouldBeFalse();
    }

    private static readonly string Signed =
        OpenPgpSigner.SignCleartext(OpenPgpTestKeys.Load(GpgTestKeyKind.Rsa3072), "Suite: stable\n", OpenPgpTestKeys.SignatureTime);

    [TestCase("no begin line", "Suite: stable\n")]
    [TestCase("unknown armor header", "-----BEGIN PGP SIGNED MESSAGE-----\nComment: x\n\nSuite: stable\n")]
    [TestCase("undashed dash line", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\n-x\n")]
    [TestCase("no signature", "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\nSuite: stable\n")]
    public void Malformed_messages_are_refused_with_one_line(string what, string message)
    {
        var e = Should.Throw<InvalidDataException>(() => OpenPgpCleartextReader.Read(message));
        e.Message.ShouldNotContain("\n", customMessage: what);
    }

    [Test]
    public void Text_after_the_signature_block_is_refused_as_apt_does()
    {
        Should.Throw<InvalidDataException>(() => OpenPgpCleartextReader.Read(Signed + "Suite: evil\n")).Message.ShouldContain("after the signature");
        OpenPgpCleartextReader.Read(Signed + "\n\n").Text.ShouldBe("Suite: stable\n");
    }
}
