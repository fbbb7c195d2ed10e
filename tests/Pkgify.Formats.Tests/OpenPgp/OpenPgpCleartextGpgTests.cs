using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>Our cleartext signed messages (InRelease) checked by gpgv and gpg, which must give the text back.</summary>
public class OpenPgpCleartextGpgTests
{
    private const long Time = OpenPgpTestKeys.SignatureTime;

    private static readonly string[] Texts =
    [
        "Origin: pkgify\nLabel: pkgify\nSuite: stable\nDate: Tue, 14 Nov 2023 22:13:20 UTC\nSHA256:\n 0123 42 main/binary-amd64/Packages\n",
        "-leading dash\n--- three dashes\n- already looks escaped\n-----BEGIN PGP SIGNATURE-----\nend\n",
        "trailing spaces   \ntrailing tab\t\nmixed \t \nnone\n",
        "the final line has no newline",
        "first\n\nafter an empty line\n\n\nafter two\n",
        "\nstarts with an empty line\n",
        "",
        "\n",
        "CRLF line\r\nanother\r\n",
        "UTF-8: Grüße, 日本語\n",
    ];

    private static IEnumerable<TestCaseData> Cases() =>
        from kind in new[] { GpgTestKeyKind.Rsa2048, GpgTestKeyKind.Rsa3072, GpgTestKeyKind.Ed25519, GpgTestKeyKind.SigningSubkey }
        from index in Enumerable.Range(0, Texts.Length)
        select new TestCaseData(kind, index).SetArgDisplayNames(kind.ToString(), $"text{index}");

    [TestCaseSource(nameof(Cases))]
    public void Cleartext_verifies_with_gpgv_and_gpg_gives_back_the_signed_text(GpgTestKeyKind kind, int textIndex)
    {
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(kind);
        var text = Texts[textIndex];
        var inRelease = dir.Path("InRelease");
        File.WriteAllText(inRelease, OpenPgpSigner.SignCleartext(OpenPgpTestKeys.Load(kind), text, Time));

        var gpgvHome = dir.Path("gpgv-home");
        Directory.CreateDirectory(gpgvHome);
        var gpgv = Pkgify.TestSupport.ToolRunner.RunChecked("gpgv",
            ["--homedir", gpgvHome, "--status-fd", "1", "--keyring", key.PublicKeyPath, inRelease]);
        OpenPgpSignerGpgTests.AssertGood(gpgv.StdOut, key);
        OpenPgpSignerGpgTests.AssertGood(key.Gpg("--status-fd", "1", "--verify", inRelease).StdOut, key);

        var output = dir.Path("text");
        key.Gpg("--output", output, "--decrypt", inRelease);
        File.ReadAllText(output).ShouldBe(AsGpgGivesItBack(text));
    }

    [TestCase(0)]
    [TestCase(1)]
    [TestCase(3)]
    [TestCase(4)]
    [TestCase(6)]
    public void Cleartext_is_byte_identical_to_gpg_clearsign(int textIndex)
    {
        // For text without trailing whitespace (which we drop from the written body, gpg keeps it unsigned).
        using var dir = new TempDir("openpgp");
        var key = OpenPgpTestKeys.Get(GpgTestKeyKind.Ed25519);
        var text = Texts[textIndex];
        var input = dir.Path("Release");
        File.WriteAllText(input, text);
        var theirs = dir.Path("InRelease");
        key.Gpg($"--faked-system-time={Time}!", "--digest-algo", "SHA512", "--output", theirs, "--clearsign", input);

        OpenPgpSigner.SignCleartext(OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519), text, Time)
            .ShouldBe(File.ReadAllText(theirs));
    }

    [Test]
    public void Cleartext_layout_names_the_hash_escapes_dashes_and_signs_canonical_text()
    {
        var key = OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519);
        var message = OpenPgpSigner.SignCleartext(key, "-a  \nb\n", Time, OpenPgpHash.Sha256);
        message.ShouldStartWith("-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA256\n\n- -a\nb\n-----BEGIN PGP SIGNATURE-----\n\n");
        message.ShouldEndWith("-----END PGP SIGNATURE-----\n");

        var armored = message[message.IndexOf("-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal)..];
        var packet = OpenPgpArmor.Decode(armored, out _);
        var info = OpenPgpSignatureReader.Read(packet);
        info.SignatureType.ShouldBe(0x01);
        info.HashAlgorithm.ShouldBe(8);

        // The signed bytes are the lines joined by CR LF without trailing whitespace and without the last line end.
        OpenPgpVerifier.Verify(key.ExportPublicKeyring(), new MemoryStream("-a\r\nb"u8.ToArray()), packet).ShouldBeTrue();
        OpenPgpVerifier.Verify(key.ExportPublicKeyring(), new MemoryStream("-a\r\nb\r\n"u8.ToArray()), packet).ShouldBeFalse();
        OpenPgpSigner.SignCleartext(key, "-a\nb", Time, OpenPgpHash.Sha256).ShouldBe(message);
    }

    /// <summary>
    /// What gpg --decrypt writes for a cleartext message of <paramref name="text"/>: each line without trailing
    /// whitespace (it is not signed, RFC 4880 §7.1), every line ended by "\n" — so a text that already ends with
    /// a line break comes back unchanged, and one without gets it added.
    /// </summary>
    private static string AsGpgGivesItBack(string text)
    {
        var lines = text.Split('\n').ToList();
        if (lines.Count > 1 && lines[^1].Length == 0)
        {
            lines.RemoveAt(lines.Count - 1);
        }

        return string.Concat(lines.Select(l => l.TrimEnd(' ', '\t', '\r') + "\n"));
    }
}
