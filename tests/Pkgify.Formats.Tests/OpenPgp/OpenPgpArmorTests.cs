using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;
using ToolRunner = Pkgify.TestSupport.ToolRunner;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>ASCII armor: gpg --dearmor reads ours, we read gpg's variants, the CRC-24 line is checked.</summary>
public class OpenPgpArmorTests
{
    [TestCase(0)]
    [TestCase(1)]
    [TestCase(47)]
    [TestCase(48)]
    [TestCase(49)]
    [TestCase(1000)]
    public void Gpg_dearmor_gives_back_the_data(int length)
    {
        using var dir = new TempDir("openpgp");
        var data = OpenPgpSignerGpgTests.Payload(length);
        var armored = dir.Path("data.asc");
        File.WriteAllText(armored, OpenPgpArmor.Encode(OpenPgpArmor.Signature, data));
        var output = dir.Path("data.bin");
        ToolRunner.RunChecked("gpg", ["--homedir", dir.Root, "--batch", "--output", output, "--dearmor", armored]);
        File.ReadAllBytes(output).ShouldBe(data);
    }

    [Test]
    public void Layout_is_64_character_lines_and_a_crc_line()
    {
        // 48 bytes are exactly one 64-character base64 line; the CRC-24 of nothing is its initial value 0xB704CE.
        OpenPgpArmor.Encode("PGP SIGNATURE", new byte[48]).ShouldBe(
            "-----BEGIN PGP SIGNATURE-----\n\n" + new string('A', 64) + "\n=" + Crc(new byte[48]) + "\n-----END PGP SIGNATURE-----\n");
        OpenPgpArmor.Encode("PGP SIGNATURE", []).ShouldBe("-----BEGIN PGP SIGNATURE-----\n\n=twTO\n-----END PGP SIGNATURE-----\n");
        var lines = OpenPgpArmor.Encode("PGP SIGNATURE", new byte[49]).Split('\n');
        lines[2].Length.ShouldBe(64);
        lines[3].ShouldBe("AA==");
    }

    [Test]
    public void Decode_reads_headers_crlf_leading_text_and_a_missing_crc_line()
    {
        var data = OpenPgpSignerGpgTests.Payload(100);
        var plain = OpenPgpArmor.Encode(OpenPgpArmor.PublicKeyBlock, data);
        var withHeaders = plain.Replace("-----\n\n", "-----\nVersion: GnuPG v2\nComment: test\n\n");
        var crlf = "some leading text\r\n" + withHeaders.Replace("\n", "\r\n");
        var noCrc = string.Join('\n', plain.Split('\n').Where(l => !l.StartsWith('=')));

        foreach (var text in new[] { plain, withHeaders, crlf, noCrc })
        {
            OpenPgpArmor.Decode(text, out var type).ShouldBe(data);
            type.ShouldBe(OpenPgpArmor.PublicKeyBlock);
        }
    }

    [Test]
    public void Decode_refuses_damage_with_InvalidDataException()
    {
        var good = OpenPgpArmor.Encode(OpenPgpArmor.Signature, OpenPgpSignerGpgTests.Payload(100));
        var cases = new[]
        {
            "",
            "no armor here",
            good.Replace("-----END PGP SIGNATURE-----", "-----END PGP MESSAGE-----"),
            good.Replace("-----END PGP SIGNATURE-----\n", ""),
            good.Replace("\n=", "\n!!!!\n="),
            good.Replace("\n=", "\nAAAA\n="),
            good.Replace("-----END", "AAAA\n-----END"),
            "-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA512\n\ntext\n-----BEGIN PGP SIGNATURE-----\n",
        };
        foreach (var text in cases)
        {
            Should.Throw<InvalidDataException>(() => OpenPgpArmor.Decode(text, out _), text);
        }
    }

    private static string Crc(byte[] data)
    {
        var crc = Crc24.Compute(data);
        return Convert.ToBase64String([(byte)(crc >> 16), (byte)(crc >> 8), (byte)crc]);
    }
}
