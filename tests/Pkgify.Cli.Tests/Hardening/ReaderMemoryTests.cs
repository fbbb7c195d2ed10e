using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// inspect and verify on a few kilobytes that decompress to a gigabyte of control.tar: memory stays bounded
/// (peak RSS measured by GNU time), whatever the members are called.
/// </summary>
[NonParallelizable]
public class ReaderMemoryTests
{
    private const int Members = 20;
    private const long MemberBytes = 60L << 20;

    /// <summary>The runtime takes ~40 MiB; one 60 MiB script read as text (UTF-8 bytes, then UTF-16) fits, the bomb does not.</summary>
    private const long MaxRssKiB = 256 << 10;

    [TestCase("junk", 0, TestName = "Unused control members are skipped unread")]
    [TestCase("postinst", 1, TestName = "Repeated script members end in a refusal, not in memory")]
    public void Decompression_bomb_in_control_tar(string memberName, int expectedExit)
    {
        using var tmp = new TempDir("bomb");
        var deb = tmp.Path("bomb.deb");
        HostileDeb.Write(deb, Enumerable.Range(0, Members).Select(i => (memberName == "junk" ? $"./junk-{i}" : "./" + memberName, MemberBytes)));
        TestContext.Out.WriteLine($"{new FileInfo(deb).Length} bytes on disk, {Members * MemberBytes >> 20} MiB in control.tar");

        foreach (var command in new[] { "inspect", "verify" })
        {
            var r = PeakRss.RunPkgify([command, deb], TimeSpan.FromMinutes(5));
            TestContext.Out.WriteLine($"{command}: exit {r.ExitCode}, peak RSS {r.PeakRssMiB} MiB, {string.Join(" | ", r.StdErrLines)}");
            r.ExitCode.ShouldBe(expectedExit, string.Join('\n', r.StdErrLines));
            r.PeakRssKiB.ShouldBeLessThan(MaxRssKiB, $"{command} held decompressed control members in memory");
            if (expectedExit != 0)
            {
                r.StdErrLines.Count.ShouldBe(1, "one error line");
                r.StdErrLines[0].ShouldContain("control files over");
            }
        }
    }
}
