using System.Text;
using NUnit.Framework;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.TestSupport;

public class TrickyTreeTests
{
    [Test]
    public void Created_tree_is_exactly_its_description()
    {
        using var dir = new TempDir();

        var expected = TrickyTree.Create(dir.Root);

        TreeSnapshot.AssertSame(expected, TreeSnapshot.Capture(dir.Root));
        TreeSnapshot.HardlinkGroups(dir.Root).ShouldBe([TrickyTree.HardlinkPair]);
    }

    [Test]
    public void Tree_has_every_promised_shape()
    {
        using var dir = new TempDir();

        var entries = TrickyTree.Create(dir.Root);

        var files = entries.Where(e => e.Type == 'f').ToList();
        foreach (var length in TrickyTree.LongPathLengths)
            files.ShouldContain(e => Encoding.UTF8.GetByteCount(e.RelPath) == length, $"no {length}-byte path");
        entries.ShouldAllBe(e => e.RelPath.Split('/', StringSplitOptions.None).All(c => Encoding.UTF8.GetByteCount(c) <= 255));
        files.Select(e => e.OctalMode).Distinct().Order().ShouldBe(["0600", "0644", "0750", "0755"]);
        entries.Where(e => e.Type == 'd').Select(e => e.OctalMode).Distinct().Order().ShouldBe(["0750", "0755"]);
        files.ShouldContain(e => e.Size == 0);
        files.ShouldContain(e => e.RelPath == TrickyTree.Utf8FilePath);
        entries.Where(e => e.Type == 'l').Select(e => e.LinkTarget!)
            .ShouldBe(["/etc/hostname", "../" + TrickyTree.Utf8FilePath]);
        var emptyDirs = entries.Where(e => e.Type == 'd' && !entries.Any(c => c.RelPath.StartsWith(e.RelPath + "/"))).ToList();
        emptyDirs.Select(e => e.RelPath).ShouldBe(["empty", "outer/inner-empty"]);
        ToolRunner.RunChecked(dir.Path("bin", "run.sh"), []).StdOut.ShouldBe("hello from the tricky tree\n");
    }

    [Test]
    public void GNU_tar_round_trip_reproduces_the_tree()
    {
        ToolRunner.Require("tar");
        using var dir = new TempDir();
        var source = dir.Path("source");
        var copy = dir.Path("copy");
        Directory.CreateDirectory(source);
        Directory.CreateDirectory(copy);
        var expected = TrickyTree.Create(source);

        ToolRunner.RunChecked("tar", ["--create", "--format=gnu", "--file", dir.Path("t.tar"), "-C", source, "."]);
        ToolRunner.RunChecked("tar", ["--extract", "--same-permissions", "--file", dir.Path("t.tar"), "-C", copy]);

        TreeSnapshot.AssertSame(expected, TreeSnapshot.Capture(copy));
        TreeSnapshot.HardlinkGroups(copy).ShouldBe([TrickyTree.HardlinkPair]);
    }
}
