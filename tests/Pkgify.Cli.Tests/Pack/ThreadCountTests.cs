using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Pack;

/// <summary>
/// The reproducibility promise across build hosts: the thread count (--threads, or the host's processor
/// count by default) never changes a package's bytes, whatever the compression. The payload is large enough
/// for the threads to really share the work (checked for xz with xz --list), and the real tools extract the
/// exact tree from the packages.
/// </summary>
[NonParallelizable]
public class ThreadCountTests
{
    private TempDir _tmp = null!;
    private string _tree = null!;

    [OneTimeSetUp]
    public void CreateTree()
    {
        _tmp = new TempDir("threads");
        _tree = _tmp.Path("tree");
        LargePayloadTree.Create(_tree);
    }

    [OneTimeTearDown]
    public void RemoveTree() => _tmp.Dispose();

    [TestCase("xz", 1, "2,3,0")]
    [TestCase("zstd", 1, "2,3,0")]
    [TestCase("zstd", 3, "2,0")]
    [TestCase("gzip", 6, "2,3,0")]
    public void Every_thread_count_gives_the_same_deb(string compression, int level, string otherThreads)
    {
        ToolRunner.Require("dpkg-deb");
        var reference = Pack("deb", compression, level, threads: 1);
        foreach (var threads in otherThreads.Split(',').Select(int.Parse))
            Sha256(Pack("deb", compression, level, threads)).ShouldBe(Sha256(reference), $"--threads {threads} vs --threads 1");

        var extracted = _tmp.Path($"x-deb-{compression}-{level}");
        ToolRunner.RunChecked("dpkg-deb", new[] { "-x", reference, extracted });
        TreeSnapshot.Diff(TreeSnapshot.Capture(_tree), TreeSnapshot.Capture(Path.Combine(extracted, "opt", "threads"))).ShouldBeEmpty();
    }

    [TestCase("gzip", 6)]
    [TestCase("zstd", 1)]
    public void Every_thread_count_gives_the_same_rpm(string compression, int level)
    {
        ToolRunner.Require("rpm2cpio");
        ToolRunner.Require("cpio");
        var reference = Pack("rpm", compression, level, threads: 1);
        foreach (var threads in new[] { 2, 0 })
            Sha256(Pack("rpm", compression, level, threads)).ShouldBe(Sha256(reference), $"--threads {threads} vs --threads 1");

        var extracted = _tmp.Path($"x-rpm-{compression}-{level}");
        Directory.CreateDirectory(extracted);
        ToolRunner.RunChecked("sh", new[] { "-c", "rpm2cpio \"$1\" | cpio -idm --quiet", "sh", reference }, workingDir: extracted);
        TreeSnapshot.Diff(TreeSnapshot.Capture(_tree), TreeSnapshot.Capture(Path.Combine(extracted, "opt", "threads"))).ShouldBeEmpty();
    }

    [Test]
    public void The_xz_payload_has_several_blocks_for_the_threads_to_share()
    {
        // Guards the tests above: with one xz block the thread count could not matter anyway.
        ToolRunner.Require("xz");
        var deb = Pack("deb", "xz", 1, threads: 2);
        var member = _tmp.Path("data.tar.xz");
        ToolRunner.RunChecked("ar", new[] { "x", deb, "data.tar.xz", $"--output={_tmp.Root}" });
        var list = ToolRunner.RunChecked("xz", new[] { "--robot", "--list", member }).StdOut;
        var blocks = int.Parse(list.Split('\n').Single(l => l.StartsWith("totals\t", StringComparison.Ordinal)).Split('\t')[3]);
        blocks.ShouldBeGreaterThan(3, list);
    }

    private string Pack(string format, string compression, int level, int threads)
    {
        var outDir = _tmp.Path($"out-{format}-{compression}-{level}-{threads}");
        var args = new List<string> { "pack", _tree, "--name", "threads", "--version", "1.0", "-f", format,
            "--compression", compression, "--level", level.ToString(), "-o", outDir, "--source-date-epoch", "1700000000" };
        // 0 is the default: leave the option out to cover the host's own processor count.
        if (threads != 0)
            args.AddRange(new[] { "--threads", threads.ToString() });
        PkgifyCli.RunChecked(args.ToArray());
        return Directory.GetFiles(outDir, "*." + format).Single();
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
