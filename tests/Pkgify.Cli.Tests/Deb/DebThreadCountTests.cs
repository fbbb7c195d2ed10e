using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Deb;

/// <summary>
/// The reproducibility promise across build hosts: the thread count (--threads, or the host's processor
/// count by default) never changes a .deb's bytes, whatever the compression. The payload is large enough
/// for the threads to really share the work (several xz blocks, zstd jobs and many gzip chunks, checked
/// with the real tools), and dpkg-deb extracts the exact tree from the package.
/// </summary>
[NonParallelizable]
public class DebThreadCountTests
{
    private const int MiB = 1 << 20;

    /// <summary>~14 MiB: more than four xz blocks at level 1 (3 MiB each: 3 × its 1 MiB dictionary, xz(1)) and several zstd jobs at level 1.</summary>
    private const int TextFiles = 220, TextFileMax = 64 * 1024, BinaryFiles = 2, BinaryFileSize = 4 * MiB;

    private static readonly string[] Words =
        "the a package file tree deb rpm build host thread block chunk compress level value return import def class self"
            .Split(' ');

    private TempDir _tmp = null!;
    private string _tree = null!;

    [OneTimeSetUp]
    public void CreateTree()
    {
        _tmp = new TempDir("threads");
        _tree = _tmp.Path("tree");
        TrickyTree.Create(_tree);
        var random = new Random(7);
        var payload = Path.Combine(_tree, "payload");
        Directory.CreateDirectory(payload);
        for (int i = 0; i < TextFiles; i++)
            File.WriteAllText(Path.Combine(payload, $"module{i:D3}.py"), Text(random, random.Next(1, TextFileMax)));
        for (int i = 0; i < BinaryFiles; i++)
            File.WriteAllBytes(Path.Combine(payload, $"native{i}.so"), Binary(random, BinaryFileSize));
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
        var reference = Pack(compression, level, threads: 1);
        foreach (var threads in otherThreads.Split(',').Select(int.Parse))
            Sha256(Pack(compression, level, threads)).ShouldBe(Sha256(reference), $"--threads {threads} vs --threads 1");

        var extracted = _tmp.Path($"x-{compression}-{level}");
        ToolRunner.RunChecked("dpkg-deb", new[] { "-x", reference, extracted });
        TreeSnapshot.Diff(TreeSnapshot.Capture(_tree), TreeSnapshot.Capture(Path.Combine(extracted, "opt", "threads"))).ShouldBeEmpty();
    }

    [Test]
    public void The_xz_payload_has_several_blocks_for_the_threads_to_share()
    {
        // Guards the test above: with one xz block the thread count could not matter anyway.
        ToolRunner.Require("xz");
        var deb = Pack("xz", 1, threads: 2);
        var member = _tmp.Path("data.tar.xz");
        ToolRunner.RunChecked("ar", new[] { "x", deb, "data.tar.xz", $"--output={_tmp.Root}" });
        var list = ToolRunner.RunChecked("xz", new[] { "--robot", "--list", member }).StdOut;
        var blocks = int.Parse(list.Split('\n').Single(l => l.StartsWith("totals\t", StringComparison.Ordinal)).Split('\t')[3]);
        blocks.ShouldBeGreaterThan(3, list);
    }

    private string Pack(string compression, int level, int threads)
    {
        var outDir = _tmp.Path($"out-{compression}-{level}-{threads}");
        var args = new List<string> { "pack", _tree, "--name", "threads", "--version", "1.0", "-f", "deb",
            "--compression", compression, "--level", level.ToString(), "-o", outDir, "--source-date-epoch", "1700000000" };
        // 0 is the default: leave the option out to cover the host's own processor count.
        if (threads != 0)
            args.AddRange(new[] { "--threads", threads.ToString() });
        PkgifyCli.RunChecked(args.ToArray());
        return Directory.GetFiles(outDir, "*.deb").Single();
    }

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));

    private static string Text(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
            text.Append(Words[random.Next(Words.Length)]).Append(random.Next(12) == 0 ? '\n' : ' ');
        return text.ToString(0, length);
    }

    /// <summary>Half random bytes, half a repeated pattern: the mix of a compiled library.</summary>
    private static byte[] Binary(Random random, int length)
    {
        var data = new byte[length];
        random.NextBytes(data.AsSpan(0, length / 2));
        for (int i = length / 2; i < length; i++)
            data[i] = (byte)(i % 251 < 40 ? i : 0);
        return data;
    }
}
