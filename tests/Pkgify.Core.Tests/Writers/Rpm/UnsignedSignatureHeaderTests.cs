using NUnit.Framework;
using Pkgify.Core.Writers.Rpm;
using Pkgify.Formats.Rpm;
using Shouldly;

namespace Pkgify.Core.Tests.Writers.Rpm;

/// <summary>
/// Which size tags the signature header carries: SIZE + PAYLOADSIZE below 4 GiB, LONGSIZE + LONGARCHIVESIZE
/// (both, never mixed) once the payload or the package reaches 4 GiB, as rpmbuild writes (formats.md §2.4, §6.1).
/// The real rpm reading these is proved by the CLI's RpmLargeFileTests.
/// </summary>
public class UnsignedSignatureHeaderTests
{
    private static readonly byte[] MainHeader = new byte[100];
    private static readonly byte[] Md5 = new byte[16];
    private const long FourGiB = 1L << 32;

    private static RpmHeader Build(long payloadLength, long archiveSize) =>
        RpmHeader.Read(new MemoryStream(UnsignedSignatureHeader.Build(MainHeader, Md5, payloadLength, archiveSize)), isSignature: true);

    [Test]
    public void Small_package_has_the_32_bit_sizes_only()
    {
        var sig = Build(1000, 5000);
        sig.GetInteger(RpmTags.SigSize).ShouldBe(1100);
        sig.GetInteger(RpmTags.SigPayloadSize).ShouldBe(5000);
        sig.Has(RpmTags.SigLongSize).ShouldBeFalse();
        sig.Has(RpmTags.SigLongArchiveSize).ShouldBeFalse();
    }

    [TestCase(150_000, FourGiB + 512)]        // a huge sparse file compressed to almost nothing
    [TestCase(FourGiB + 10, FourGiB + 512)]   // incompressible
    [TestCase(FourGiB + 10, FourGiB - 100)]  // just under 4 GiB of cpio that compression grew past 4 GiB
    public void Payload_or_package_of_4_GiB_switches_both_sizes_to_64_bit(long payloadLength, long archiveSize)
    {
        var sig = Build(payloadLength, archiveSize);
        sig.GetInteger(RpmTags.SigLongSize).ShouldBe(payloadLength + MainHeader.Length);
        sig.GetInteger(RpmTags.SigLongArchiveSize).ShouldBe(archiveSize);
        sig.Has(RpmTags.SigSize).ShouldBeFalse();
        sig.Has(RpmTags.SigPayloadSize).ShouldBeFalse();
    }
}
