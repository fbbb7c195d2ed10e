using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.Formats.Rpm;
using Pkgify.TestSupport;
using Shouldly;
using static Pkgify.Cli.Tests.Rpm.RpmFixtures;

namespace Pkgify.Cli.Tests.Rpm;

/// <summary>
/// A file of more than 4 GiB (sparse on the build side) needs LONGFILESIZES, the stripped cpio payload and
/// rpmlib(LargeFiles) (formats.md §2.7, §2.10). rpm2cpio refuses such a package (it only decompresses, and GNU
/// cpio does not read <c>07070X</c> members), so extraction is proved with rpm2archive piped into GNU tar and by
/// installing with rpm into a scratch root. Each costs about 4 GiB of disk while it runs (one at a time); runs in
/// CI like every test.
/// </summary>
[Category("LargeFile")]
[NonParallelizable]
public class RpmLargeFileTests
{
    private const long HugeSize = (4L << 30) + 1;
    private const string Small = "small\n";
    private static readonly TimeSpan LargeTimeout = TimeSpan.FromMinutes(10);

    private TempDir _tmp = null!;
    private string _rpm = null!;
    private string _hugeSha256 = null!;

    [OneTimeSetUp]
    public void Pack()
    {
        _tmp = new TempDir("rpm-large");
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(tree);
        ToolRunner.RunChecked("truncate", ["-s", HugeSize.ToString(), Path.Combine(tree, "huge")]);
        File.WriteAllText(Path.Combine(tree, "small"), Small);
        _rpm = PackRpm(tree, _tmp.Path("out"), compression: "zstd", extra: ["--level", "1"]);
        using var zeros = new ZeroStream(HugeSize);
        _hugeSha256 = Convert.ToHexStringLower(SHA256.HashData(zeros));
    }

    [OneTimeTearDown]
    public void Cleanup() => _tmp.Dispose();

    [Test]
    public void A_file_over_4_GiB_lists_with_its_true_size_verifies_and_installs()
    {
        ToolRunner.RunChecked("rpm", ["-qlvp", _rpm]).StdOut.ShouldContain($" {HugeSize} ");
        ToolRunner.RunChecked("rpm", ["-qp", "--requires", _rpm]).StdOut.ShouldContain("rpmlib(LargeFiles) <= 4.12.0-1");
        ToolRunner.RunChecked("rpmkeys", ["-Kv", _rpm], timeout: LargeTimeout).StdOut.ShouldNotContain("BAD");
        PkgifyCli.RunChecked("verify", _rpm);

        var root = new RpmScratchRoot(_tmp.Path("root"));
        try
        {
            root.RunChecked("-i", _rpm);
            var installed = root.HostPath($"{Prefix}/huge");
            new FileInfo(installed).Length.ShouldBe(HugeSize);
            Sha256Of(installed).ShouldBe(_hugeSha256);
            File.ReadAllText(root.HostPath($"{Prefix}/small")).ShouldBe(Small);
            root.RunChecked("-V", Name).StdOut.ShouldBeEmpty();
        }
        finally
        {
            Directory.Delete(root.Root, recursive: true);
        }
    }

    [Test]
    public void Rpm2archive_and_tar_extract_it_and_rpm2cpio_refuses_as_for_rpmbuilds_packages()
    {
        ToolRunner.Require("rpm2archive");
        var cpio = ToolRunner.Run("rpm2cpio", [_rpm]);
        cpio.ExitCode.ShouldNotBe(0);
        cpio.StdErr.ShouldContain("files over 4GB not supported by cpio, use rpm2archive instead");

        var dest = _tmp.Path("tar");
        Directory.CreateDirectory(dest);
        try
        {
            // rpm2archive - reads the package on stdin and writes a tar to stdout (rpm2archive(8)); -n: uncompressed.
            ToolRunner.RunChecked("bash", ["-c", "set -o pipefail; rpm2archive -n - < \"$1\" | tar -x -C \"$2\"", "bash", _rpm, dest],
                timeout: LargeTimeout);
            var huge = Path.Combine(dest, Prefix.TrimStart('/'), "huge");
            new FileInfo(huge).Length.ShouldBe(HugeSize);
            Sha256Of(huge).ShouldBe(_hugeSha256);
            File.ReadAllText(Path.Combine(dest, Prefix.TrimStart('/'), "small")).ShouldBe(Small);
        }
        finally
        {
            Directory.Delete(dest, recursive: true);
        }
    }

    [Test]
    public void Size_tags_are_the_64_bit_ones_rpmbuild_writes_and_rpm_reads_their_true_values()
    {
        RpmPackage package;
        using (var file = File.OpenRead(_rpm))
            package = RpmPackageReader.Open(file);
        // formats.md §6.1 item 5, rpmbuild with a 4 GiB + 1 file: LONGSIZE + LONGARCHIVESIZE in the signature
        // instead of SIZE/PAYLOADSIZE; LONGFILESIZES + LONGSIZE in the main header instead of FILESIZES/SIZE.
        int[] signatureTags = [.. package.Signature.Entries.Select(e => e.Tag)];
        signatureTags.ShouldContain(RpmTags.SigLongSize);
        signatureTags.ShouldContain(RpmTags.SigLongArchiveSize);
        signatureTags.ShouldNotContain(RpmTags.SigSize);
        signatureTags.ShouldNotContain(RpmTags.SigPayloadSize);
        int[] mainTags = [.. package.Header.Entries.Select(e => e.Tag)];
        mainTags.ShouldContain(RpmTags.LongFileSizes);
        mainTags.ShouldContain(RpmTags.LongSize);
        mainTags.ShouldNotContain(RpmTags.FileSizes);
        mainTags.ShouldNotContain(RpmTags.Size);

        // rpm's view of the same values: header + payload bytes, the decompressed cpio length, the installed size.
        var values = ToolRunner.RunChecked("rpm", ["-qp", "--qf", "%{LONGSIGSIZE}|%{LONGARCHIVESIZE}|%{LONGSIZE}|[%{LONGFILESIZES} ]", _rpm])
            .StdOut.Split('|');
        var headerStart = package.PayloadOffset - package.Header.RawBytes.Length;
        long.Parse(values[0]).ShouldBe(new FileInfo(_rpm).Length - headerStart);
        long.Parse(values[1]).ShouldBe(DecompressedPayloadLength(package.PayloadOffset));
        long.Parse(values[2]).ShouldBe(HugeSize + Small.Length);
        values[3].Split(' ', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["0", HugeSize.ToString(), Small.Length.ToString()]);
    }

    /// <summary>Bytes zstd -dc makes of the payload (everything after the main header), counted as they stream by.</summary>
    private long DecompressedPayloadLength(long payloadOffset)
    {
        using var sink = new HashingSink(HashAlgorithmName.SHA256);
        ToolRunner.RunStreamingChecked("bash", ["-c", "set -o pipefail; tail -c +$(($2 + 1)) \"$1\" | zstd -dc", "bash", _rpm, payloadOffset.ToString()],
            output => output.CopyTo(sink), timeout: LargeTimeout);
        return sink.BytesWritten;
    }

    private static string Sha256Of(string path)
    {
        using var file = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(file));
    }
}
