using System.Text.Json;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Pack;

/// <summary>
/// The result pkgify reports for each package (size and SHA-256, computed while the package is written,
/// not by reading it back) is what sha256sum and the file system say about the file on disk.
/// </summary>
public class PackResultTests
{
    [TestCase("xz")]
    [TestCase("gzip")]
    [TestCase("zstd")]
    public void Json_size_and_sha256_match_the_written_files(string compression)
    {
        ToolRunner.Require("sha256sum");
        using var tmp = new TempDir();
        var tree = tmp.Path("tree");
        TrickyTree.Create(tree);
        var outDir = tmp.Path("out");
        var r = PkgifyCli.RunChecked("pack", tree, "--name", "digest", "--version", "1.0", "-f", "deb,rpm",
            "--compression", compression, "-o", outDir, "--json");

        var packages = JsonDocument.Parse(r.StdOut).RootElement.GetProperty("packages").EnumerateArray().ToList();
        packages.Count.ShouldBe(2);
        foreach (var p in packages)
        {
            var path = p.GetProperty("path").GetString()!;
            p.GetProperty("size").GetInt64().ShouldBe(new FileInfo(path).Length, path);
            var sha256sum = ToolRunner.RunChecked("sha256sum", new[] { path }).StdOut.Split(' ')[0];
            p.GetProperty("sha256").GetString().ShouldBe(sha256sum, path);
        }
    }
}
