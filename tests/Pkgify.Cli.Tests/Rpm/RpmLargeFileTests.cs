using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;
using static Pkgify.Cli.Tests.Rpm.RpmFixtures;

namespace Pkgify.Cli.Tests.Rpm;

/// <summary>
/// A file of more than 4 GiB (sparse on the build side) needs LONGFILESIZES, the stripped cpio payload and
/// rpmlib(LargeFiles) (formats.md §2.7, §2.10). rpm2cpio cannot produce a newc archive from a stripped payload
/// (it only decompresses, and GNU cpio does not read <c>07070X</c> members), so extraction is proved by
/// installing with rpm into a scratch root. Costs about 4 GiB of disk while it runs; runs in CI like every test.
/// </summary>
[Category("LargeFile")]
public class RpmLargeFileTests
{
    private const long HugeSize = (4L << 30) + 1;

    [Test]
    public void A_file_over_4_GiB_packs_lists_with_its_true_size_verifies_and_installs()
    {
        using var tmp = new TempDir("rpm-large");
        var tree = tmp.Path("tree");
        Directory.CreateDirectory(tree);
        ToolRunner.RunChecked("truncate", ["-s", HugeSize.ToString(), Path.Combine(tree, "huge")]);
        File.WriteAllText(Path.Combine(tree, "small"), "small\n");
        var rpm = PackRpm(tree, tmp.Path("out"), compression: "zstd", extra: ["--level", "1"]);

        ToolRunner.RunChecked("rpm", ["-qlvp", rpm]).StdOut.ShouldContain($" {HugeSize} ");
        ToolRunner.RunChecked("rpm", ["-qp", "--requires", rpm]).StdOut.ShouldContain("rpmlib(LargeFiles) <= 4.12.0-1");
        ToolRunner.RunChecked("rpmkeys", ["-Kv", rpm], timeout: TimeSpan.FromMinutes(10)).StdOut.ShouldNotContain("BAD");
        PkgifyCli.RunChecked("verify", rpm);

        var root = new RpmScratchRoot(tmp.Path("root"));
        root.RunChecked("-i", rpm);
        var installed = root.HostPath($"{Prefix}/huge");
        new FileInfo(installed).Length.ShouldBe(HugeSize);
        using (var file = File.OpenRead(installed))
        using (var zeros = new ZeroStream(HugeSize))
            Convert.ToHexStringLower(SHA256.HashData(file)).ShouldBe(Convert.ToHexStringLower(SHA256.HashData(zeros)));
        File.ReadAllText(root.HostPath($"{Prefix}/small")).ShouldBe("small\n");
        root.RunChecked("-V", Name).StdOut.ShouldBeEmpty();
    }
}
