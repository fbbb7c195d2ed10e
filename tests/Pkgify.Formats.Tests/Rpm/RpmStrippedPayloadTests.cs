using NUnit.Framework;
using Pkgify.Formats.Cpio;
using Pkgify.Formats.Rpm;
using Pkgify.Formats.Tests.Support;
using Shouldly;

namespace Pkgify.Formats.Tests.Rpm;

/// <summary>
/// rpm switches to the stripped cpio format (07070X + file index) when a file is ≥ 4 GiB (formats.md §2.10,
/// [lab] §6.1.5). rpmbuild makes such a package from a sparse file; rpm2cpio refuses it ("files over 4GB not
/// supported by cpio"), so the zstd tool decompresses the payload and our reader takes sizes from the header.
/// </summary>
[Category("LargeFile")]
public class RpmStrippedPayloadTests
{
    private const long HugeSize = (4L << 30) + 1;

    private const string Spec = """
        Name: big
        Version: 1
        Release: 1
        Summary: Package with a file over 4 GiB
        License: MIT
        BuildArch: noarch

        %description
        Sparse 4 GiB + 1 file and a small one.

        %install
        mkdir -p %{buildroot}/opt/big
        truncate -s 4294967297 %{buildroot}/opt/big/huge
        echo small > %{buildroot}/opt/big/small

        %files
        /opt/big
        """;

    [Test]
    public void Reads_rpms_stripped_payload_with_sizes_from_LONGFILESIZES()
    {
        using var dir = new TempDir();
        string rpm = RpmBuildFixtures.BuildBinaryRpm(Spec, dir.Path, "w1T.zstdio");
        byte[] file = File.ReadAllBytes(rpm);
        var package = RpmPackageReader.Open(new MemoryStream(file));

        var header = package.Header;
        header.Has(RpmTags.FileSizes).ShouldBeFalse();
        var sizes = header.GetIntegers(RpmTags.LongFileSizes);
        string[] names = header.GetStringArray(RpmTags.BaseNames).ToArray();
        names.ShouldBe(["big", "huge", "small"]); // /opt/big, /opt/big/huge, /opt/big/small
        sizes.ShouldBe([0L, HugeSize, 6L]);
        package.Signature.Has(RpmTags.SigLongArchiveSize).ShouldBeTrue();
        package.Signature.Has(RpmTags.SigPayloadSize).ShouldBeFalse();

        var seen = new List<(int Index, long Size, bool AllZero, byte[] Head)>();
        long archiveLength = 0;
        ToolRunner.RunStreaming("zstd", ["-dc"], stdout =>
        {
            using var reader = new CpioArchiveReader(stdout, leaveOpen: true, strippedSizeResolver: i =>
                i < sizes.Count ? sizes[i] : throw new InvalidDataException($"no file {i}"));
            while (reader.Next() is { } entry)
            {
                entry.IsStripped.ShouldBeTrue();
                var (allZero, head) = Scan(entry.Content);
                seen.Add((entry.FileIndex!.Value, entry.Header.Size, allZero, head));
            }
            archiveLength = reader.BytesRead;
            return [];
        }, stdin: file[(int)package.PayloadOffset..], timeout: TimeSpan.FromMinutes(5));

        // Every header file appears once, by index; the huge one carries 4 GiB + 1 zero bytes.
        seen.Select(s => s.Index).ShouldBe([0, 1, 2], ignoreOrder: true);
        seen.Single(s => s.Index == 1).ShouldSatisfyAllConditions(
            s => s.Size.ShouldBe(HugeSize), s => s.AllZero.ShouldBeTrue());
        seen.Single(s => s.Index == 2).Head.ShouldBe("small\n"u8.ToArray());
        archiveLength.ShouldBe(package.Signature.GetInteger(RpmTags.SigLongArchiveSize)!.Value);
    }

    /// <summary>Reads all of a member, reporting whether it was all zeros and its first bytes.</summary>
    private static (bool AllZero, byte[] Head) Scan(Stream content)
    {
        var buffer = new byte[1 << 20];
        bool allZero = true;
        byte[]? head = null;
        int n;
        while ((n = content.Read(buffer)) > 0)
        {
            head ??= buffer[..Math.Min(n, 64)];
            allZero &= !buffer.AsSpan(0, n).ContainsAnyExcept((byte)0);
        }
        return (allZero, head ?? []);
    }
}
