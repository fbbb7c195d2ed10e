using NUnit.Framework;
using Pkgify.Formats.Rpm;
using Shouldly;
using static Pkgify.Formats.Tests.Rpm.RpmHeaderBuilderTests;

namespace Pkgify.Formats.Tests.Rpm;

public class RpmLeadTests
{
    [Test]
    public void Lead_matches_the_rpmbuild_layout()
    {
        byte[] lead = RpmLead.Build("hello-lab-1:1.2.3-4");
        lead.Length.ShouldBe(RpmLead.Size);
        lead[..10].ShouldBe(Hex("ed ab ee db", "03 00", "00 00", "00 01")); // magic, major 3 minor 0, binary, x86_64
        lead[10..76].ShouldBe("hello-lab-1:1.2.3-4"u8.ToArray().Concat(new byte[66 - 19]).ToArray()); // NUL padded
        lead[76..80].ShouldBe(Hex("00 01", "00 05")); // os Linux, signature type 5 (header)
        lead[80..].ShouldBe(new byte[16]);             // reserved

        var info = RpmLead.Read(lead);
        info.ShouldBe(new RpmLeadInfo(3, 0, 0, 1, "hello-lab-1:1.2.3-4", 1, 5));
        RpmLead.Read(RpmLead.Build("x-1-1", isSource: true, archNum: 19)).ShouldBe(new RpmLeadInfo(3, 0, 1, 19, "x-1-1", 1, 5));
    }

    [Test]
    public void Long_names_are_cut_to_65_bytes_keeping_a_nul()
    {
        byte[] lead = RpmLead.Build(new string('n', 100));
        lead[10..75].ShouldAllBe(b => b == (byte)'n');
        lead[75].ShouldBe((byte)0);
        RpmLead.Read(lead).Name.Length.ShouldBe(65);
    }

    [TestCase(0, (byte)0x00, "bad magic")]
    [TestCase(4, (byte)0x02, "major version 2")]
    [TestCase(4, (byte)0x05, "major version 5")]
    [TestCase(79, (byte)0x01, "signature type 1")]
    public void Rpm_checks_are_enforced(int offset, byte value, string why)
    {
        byte[] lead = RpmLead.Build("x-1-1");
        lead[offset] = value;
        Should.Throw<InvalidDataException>(() => RpmLead.Read(lead), why);
        Should.Throw<InvalidDataException>(() => RpmLead.Read(lead.AsSpan(0, 95)));
    }
}
