using NUnit.Framework;
using Pkgify.Formats.Cpio;
using Pkgify.Formats.Rpm;
using Shouldly;

namespace Pkgify.Formats.Tests.Rpm;

/// <summary>
/// rpm switches to the stripped cpio format (07070X + file index) when a file is ≥ 4 GiB (formats.md §2.10,
/// [lab] §6.1.5). rpmbuild makes such a package from a sparse file; rpm2cpio refuses it ("files over 4GB not
/// supported by cpio"), so the zstd tool decompresses the payload and our reader takes sizes from the header;
/// our writer then reproduces rpm's archive exactly (same SHA-256 as PAYLOADDIGESTALT).
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
        string rpm = RpmBuildFixtures.BuildBinaryRpm(Spec, dir.Root, "w1T.zstdio");
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

        // Read rpm's payload with our reader and write it again with our writer: the SHA-256 of what we write
        // must equal PAYLOADDIGESTALT, rpm's digest of its own uncompressed payload.
        var seen = new List<(int Index, long Size)>();
        byte[]? small = null;
        long archiveLength = 0;
        using var rewritten = new HashingSink(System.Security.Cryptography.HashAlgorithmName.SHA256);
        ToolRunner.RunStreamingChecked("zstd", ["-dc"], stdout =>
        {
            using var reader = new CpioArchiveReader(stdout, leaveOpen: true, strippedSizeResolver: i =>
                i < sizes.Count ? sizes[i] : throw new InvalidDataException($"no file {i}"));
            using var writer = new CpioNewcWriter(rewritten, leaveOpen: true);
            while (reader.Next() is { } entry)
            {
                entry.IsStripped.ShouldBeTrue();
                int index = entry.FileIndex!.Value;
                seen.Add((index, entry.Header.Size));
                Stream content = entry.Content;
                if (index == 2)
                {
                    small = ReadAll(entry.Content);
                    content = new MemoryStream(small);
                }
                writer.WriteStrippedEntry(index, entry.Header.Size, content);
            }
            writer.Finish();
            archiveLength = reader.BytesRead;
            writer.BytesWritten.ShouldBe(archiveLength);
        }, stdin: new MemoryStream(file, (int)package.PayloadOffset, file.Length - (int)package.PayloadOffset), timeout: TimeSpan.FromMinutes(5));

        seen.ShouldBe([(0, 0L), (1, HugeSize), (2, 6L)], ignoreOrder: true);
        small.ShouldBe("small\n"u8.ToArray());
        archiveLength.ShouldBe(package.Signature.GetInteger(RpmTags.SigLongArchiveSize)!.Value);
        rewritten.HexDigest().ShouldBe(header.GetString(RpmTags.PayloadDigestAlt));
    }

    private static byte[] ReadAll(Stream content)
    {
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return buffer.ToArray();
    }
}
