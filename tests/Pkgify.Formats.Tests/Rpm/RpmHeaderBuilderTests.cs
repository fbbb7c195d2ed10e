using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Formats.Rpm;
using Shouldly;

namespace Pkgify.Formats.Tests.Rpm;

/// <summary>Byte-level vectors for the header layout rules of formats.md §2.3–2.4.</summary>
public class RpmHeaderBuilderTests
{
    [Test]
    public void Main_header_sorts_by_tag_packs_with_alignment_and_ends_with_the_trailer()
    {
        byte[] built = new RpmHeaderBuilder(RpmTags.HeaderImmutable)
            // Added out of order on purpose: Build() sorts by tag.
            .AddBin(5500, [0xDE, 0xAD, 0xBE, 0xEF])
            .AddInt64(RpmTags.LongFileSizes, [0x1_0000_0002])
            .AddString(RpmTags.Name, "ab")
            .AddStringArray(RpmTags.BaseNames, ["x", "yz"])
            .AddInt16(RpmTags.FileModes, [unchecked((short)0x81A4)])
            .Build();

        byte[] expected = Hex(
            "8e ad e8 01 00 00 00 00", // magic + reserved
            "00 00 00 06",             // il: region + 5 entries
            "00 00 00 2c",             // dl: 44
            // index: tag, type, offset, count
            "00 00 00 3f  00 00 00 07  00 00 00 1c  00 00 00 10", // 63 HEADERIMMUTABLE, BIN, trailer at 28, 16
            "00 00 03 e8  00 00 00 06  00 00 00 00  00 00 00 01", // 1000 NAME, STRING, 0, 1
            "00 00 04 06  00 00 00 03  00 00 00 04  00 00 00 01", // 1030 FILEMODES, INT16, 4 (aligned to 2), 1
            "00 00 04 5d  00 00 00 08  00 00 00 06  00 00 00 02", // 1117 BASENAMES, STRING_ARRAY, 6, 2
            "00 00 13 90  00 00 00 05  00 00 00 10  00 00 00 01", // 5008 LONGFILESIZES, INT64, 16 (aligned to 8), 1
            "00 00 15 7c  00 00 00 07  00 00 00 18  00 00 00 04", // 5500 (unknown), BIN, 24, 4
            // data store
            "61 62 00",                // 0: "ab\0" — odd length
            "00",                      // 3: pad to 2 for INT16
            "81 a4",                   // 4: 0100644
            "78 00 79 7a 00",          // 6: "x\0yz\0"
            "00 00 00 00 00",          // 11: pad to 8 for INT64
            "00 00 00 01 00 00 00 02", // 16: 0x100000002
            "de ad be ef",             // 24: BIN
            // 28: region trailer {63, BIN, -16*il = -96, 16}, not aligned (BIN)
            "00 00 00 3f  00 00 00 07  ff ff ff a0  00 00 00 10");
        built.ShouldBe(expected);
        RoundTrip(built, isSignature: false).ShouldBe(built);
    }

    [Test]
    public void Signature_header_matches_the_lab_layout_and_trailer_vector()
    {
        byte[] main = new RpmHeaderBuilder(RpmTags.HeaderImmutable).AddString(RpmTags.Name, "x").Build();
        byte[] built = new RpmHeaderBuilder(RpmTags.HeaderSignatures)
            .AddString(RpmTags.SigSha1, Convert.ToHexStringLower(SHA1.HashData(main)))
            .AddString(RpmTags.SigSha256, Convert.ToHexStringLower(SHA256.HashData(main)))
            .AddInt32(RpmTags.SigSize, [1234])
            .AddBin(RpmTags.SigMd5, MD5.HashData(main))
            .AddInt32(RpmTags.SigPayloadSize, [124])
            .Build();

        // formats.md §2.1/§2.3 [lab]: il=6, dl=148, 260 bytes, 4 pad bytes, trailer below.
        built.Length.ShouldBe(260);
        built[8..16].ShouldBe(Hex("00 00 00 06", "00 00 00 94"));
        built[^16..].ShouldBe(Hex("00 00 00 3e 00 00 00 07 ff ff ff a0 00 00 00 10"));
        RpmSignatureHeader.PaddingFor(built.Length).ShouldBe(4);
        // SHA1 (41 bytes) at 0, SHA256 (65) at 41, SIZE aligned from 106 to 108, MD5 at 112, PAYLOADSIZE at 128.
        built[(16 + 6 * 16)..].AsSpan(108, 4).ToArray().ShouldBe(Hex("00 00 04 d2"));
        RoundTrip(built, isSignature: true).ShouldBe(built);
    }

    [Test]
    public void I18n_char_int8_and_int32_values_survive_a_round_trip()
    {
        byte[] built = new RpmHeaderBuilder(RpmTags.HeaderImmutable)
            .AddStringArray(RpmTags.HeaderI18NTable, ["C"])
            .AddI18NString(RpmTags.Summary, "Ünïcode summary")
            .AddInt32(RpmTags.FileVerifyFlags, [-1, 0])
            .AddChar(5501, [1, 2, 3])
            .AddInt8(5502, [7])
            .Build();
        var header = RpmHeader.Read(new MemoryStream(built), isSignature: false);
        header.GetString(RpmTags.Summary).ShouldBe("Ünïcode summary");
        header.GetEntry(RpmTags.Summary)!.Type.ShouldBe(RpmTagType.I18NString);
        header.GetIntegers(RpmTags.FileVerifyFlags).ShouldBe([0xFFFFFFFFL, 0L]);
        header.GetBin(5501).ShouldBe(new byte[] { 1, 2, 3 });
        header.GetIntegers(5502).ShouldBe([7L]);
        RoundTrip(built, isSignature: false).ShouldBe(built);
    }

    [Test]
    public void Refuses_duplicates_empty_values_region_tags_and_oversized_signature_headers()
    {
        var builder = new RpmHeaderBuilder(RpmTags.HeaderImmutable).AddString(RpmTags.Name, "a");
        Should.Throw<ArgumentException>(() => builder.AddString(RpmTags.Name, "b"));
        Should.Throw<ArgumentException>(() => builder.AddStringArray(RpmTags.BaseNames, []));
        Should.Throw<ArgumentException>(() => builder.AddInt32(RpmTags.FileSizes, []));
        Should.Throw<ArgumentException>(() => builder.AddBin(5500, []));
        Should.Throw<ArgumentException>(() => builder.AddString(RpmTags.Version, "a\0b"));
        Should.Throw<ArgumentOutOfRangeException>(() => builder.AddString(RpmTags.HeaderImmutable, "x"));
        Should.Throw<ArgumentOutOfRangeException>(() => new RpmHeaderBuilder(1000));

        var signature = new RpmHeaderBuilder(RpmTags.HeaderSignatures);
        for (int tag = 2000; tag < 2032; tag++)
            signature.AddInt32(tag, [tag]);
        Should.Throw<InvalidOperationException>(() => signature.Build()); // 33 entries > 32
    }

    private static byte[] RoundTrip(byte[] header, bool isSignature) =>
        RpmbuildPackageTests.Rebuild(RpmHeader.Read(new MemoryStream(header), isSignature),
            isSignature ? RpmTags.HeaderSignatures : RpmTags.HeaderImmutable);

    internal static byte[] Hex(params string[] parts) =>
        Convert.FromHexString(string.Concat(parts).Replace(" ", ""));
}
