using NUnit.Framework;
using Pkgify.Cli.Tests.Rpm;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Pack;

/// <summary>
/// The per-file digests, computed ahead of the archive writer on the prefetch threads, are those the real
/// tools compute: md5sum -c accepts the .deb's md5sums against the extracted tree, and rpm's FILEDIGESTS
/// (rpm --dump) equal sha256sum of each file. Files of every size around the prefetch chunk are included.
/// </summary>
[NonParallelizable]
public class PayloadDigestTests
{
    private TempDir _tmp = null!;
    private string _tree = null!;

    [OneTimeSetUp]
    public void CreateTree()
    {
        _tmp = new TempDir("digests");
        _tree = _tmp.Path("tree");
        LargePayloadTree.Create(_tree);
        var edges = Path.Combine(_tree, "chunk-edges");
        Directory.CreateDirectory(edges);
        const int chunk = 256 * 1024;
        foreach (var size in new[] { 1, chunk - 1, chunk, chunk + 1, 3 * chunk + 5 })
            File.WriteAllBytes(Path.Combine(edges, $"size-{size}"), Enumerable.Range(0, size).Select(i => (byte)(i * 7 + i / 251)).ToArray());
    }

    [OneTimeTearDown]
    public void RemoveTree() => _tmp.Dispose();

    [Test]
    public void Md5sum_accepts_the_deb_md5sums()
    {
        ToolRunner.Require("md5sum");
        var outDir = _tmp.Path("deb");
        PkgifyCli.RunChecked("pack", _tree, "--name", "digests", "--version", "1.0", "-f", "deb", "--compression", "zstd", "-o", outDir);
        var deb = Directory.GetFiles(outDir, "*.deb").Single();
        var root = _tmp.Path("deb-root");
        ToolRunner.RunChecked("dpkg-deb", new[] { "-x", deb, root });
        ToolRunner.RunChecked("dpkg-deb", new[] { "-e", deb, Path.Combine(root, "DEBIAN") });

        var check = ToolRunner.RunChecked("md5sum", new[] { "--check", "--strict", "DEBIAN/md5sums" }, workingDir: root).StdOut;
        // One line per file content: a hard link's second name is a link entry, not a file of its own.
        var regularFiles = TreeSnapshot.Capture(_tree).Count(e => e.Type == 'f')
            - TreeSnapshot.HardlinkGroups(_tree).Sum(g => g.Count - 1);
        check.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => l.EndsWith(": OK", StringComparison.Ordinal))
            .Count().ShouldBe(regularFiles, check);
    }

    [Test]
    public void Rpm_file_digests_are_sha256sum_of_the_files()
    {
        ToolRunner.Require("sha256sum");
        var outDir = _tmp.Path("rpm");
        PkgifyCli.RunChecked("pack", _tree, "--name", "digests", "--version", "1.0", "-f", "rpm", "--compression", "gzip", "-o", outDir);
        var dump = RpmFixtures.Dump(Directory.GetFiles(outDir, "*.rpm").Single());

        var files = Directory.GetFiles(Path.Combine(_tree, "payload")).Concat(Directory.GetFiles(Path.Combine(_tree, "chunk-edges"))).ToList();
        var sums = ToolRunner.RunChecked("sha256sum", files).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        sums.Length.ShouldBe(files.Count);
        foreach (var line in sums)
        {
            var (digest, path) = (line[..64], line[66..]);
            var installed = "/opt/digests/" + Path.GetRelativePath(_tree, path);
            dump[installed].Digest.ShouldBe(digest, installed);
        }
    }
}
