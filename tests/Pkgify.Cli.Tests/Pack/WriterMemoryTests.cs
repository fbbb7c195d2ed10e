using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Pack;

/// <summary>
/// "Memory stays bounded whatever the payload size" (contract, Promises): `pkgify pack` of incompressible data,
/// measured with GNU time, peaks under a fixed bound and barely grows when the payload grows fourfold or more.
/// A writer that held the payload (or a file, or the compressed output) in memory would grow by the difference.
/// </summary>
[NonParallelizable]
public class WriterMemoryTests
{
    private const long MiB = 1 << 20;

    /// <summary>The runtime alone takes ~35 MiB; pack measured 55-62 MiB on these trees.</summary>
    private const long MaxPeakMiB = 150;

    /// <summary>Allowed growth between the small and the large payload: far less than their difference.</summary>
    private const long MaxGrowthMiB = 32;

    // The period of the data: random within it, and far over gzip's 32 KiB window (RFC 1951 §2), so gzip finds
    // nothing to take out; writing one block again and again costs no more than writing the file.
    private const int BlockSize = (int)MiB;

    private static readonly TimeSpan RunTimeout = TimeSpan.FromMinutes(5);

    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void SetUp() => _tmp = new TempDir("writer-memory");

    [OneTimeTearDown]
    public void TearDown() => _tmp.Dispose();

    // gzip runs on smaller payloads than none: level 1 makes ~15 MB/s on the shared 2-core test machine, and the
    // test must stay near a minute. 16 → 96 MiB still exceeds the allowed growth by 2.5×.
    [TestCase("deb", "none", 256, 1024)]
    [TestCase("rpm", "none", 256, 1024)]
    [TestCase("deb", "gzip", 16, 96)]
    [TestCase("rpm", "gzip", 16, 96)]
    public void Peak_memory_is_bounded_and_does_not_follow_the_payload_size(string format, string compression, int smallMiB, int largeMiB)
    {
        var small = Pack(format, compression, smallMiB);
        var large = Pack(format, compression, largeMiB);

        TestContext.Out.WriteLine($"{format} {compression}: {smallMiB} MiB → peak {small} MiB, {largeMiB} MiB → peak {large} MiB");
        small.ShouldBeLessThan(MaxPeakMiB);
        large.ShouldBeLessThan(MaxPeakMiB);
        (large - small).ShouldBeLessThan(MaxGrowthMiB, $"peak RSS grew from {small} to {large} MiB with the payload");
    }

    /// <summary>Packs a tree of <paramref name="sizeMiB"/> MiB of incompressible data; returns pkgify's peak RSS in MiB.</summary>
    private long Pack(string format, string compression, int sizeMiB)
    {
        var tree = Tree(sizeMiB);
        var output = _tmp.Path($"out-{format}-{compression}-{sizeMiB}");
        var args = new List<string> { "pack", tree, "--name", "mem", "--version", "1", "-f", format, "--compression", compression,
            "-o", output, "-q", "--source-date-epoch", "1700000000" };
        if (compression == "gzip")
            args.AddRange(["--level", "1"]);
        var run = PeakRss.RunPkgify(args, RunTimeout);
        run.ExitCode.ShouldBe(0, string.Join('\n', run.StdErrLines));
        // The package really carries the payload (a writer that skipped the data would use little memory too).
        var package = Directory.GetFiles(output).Single();
        new FileInfo(package).Length.ShouldBeGreaterThan(sizeMiB * MiB);
        Directory.Delete(output, recursive: true);
        return run.PeakRssMiB;
    }

    /// <summary>A tree with one file of <paramref name="sizeMiB"/> MiB, made once per size.</summary>
    private string Tree(int sizeMiB)
    {
        var tree = _tmp.Path($"tree-{sizeMiB}");
        var file = Path.Combine(tree, "data.bin");
        if (File.Exists(file))
            return tree;
        Directory.CreateDirectory(tree);
        var block = new byte[BlockSize];
        new Random(sizeMiB).NextBytes(block);
        using var stream = File.Create(file);
        for (var i = 0; i < sizeMiB; i++)
            stream.Write(block);
        return tree;
    }
}
