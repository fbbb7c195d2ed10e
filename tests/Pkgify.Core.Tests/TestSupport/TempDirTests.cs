using NUnit.Framework;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.TestSupport;

public class TempDirTests
{
    [Test]
    public void Each_instance_is_a_new_empty_directory_under_the_shared_base()
    {
        using var first = new TempDir();
        using var second = new TempDir();

        first.Root.ShouldNotBe(second.Root);
        Path.GetDirectoryName(first.Root).ShouldBe(TempDir.BaseDirectory);
        Directory.EnumerateFileSystemEntries(first.Root).ShouldBeEmpty();
        first.Path("a", "b.txt").ShouldBe(first.Root + "/a/b.txt");
        Should.Throw<ArgumentException>(() => first.Path("/etc"));
    }

    [Test]
    public void Dispose_deletes_the_tree_but_not_what_its_symlinks_point_to()
    {
        using var outside = new TempDir("outside");
        File.WriteAllText(outside.Path("keep.txt"), "keep");
        string root;
        using (var dir = new TempDir())
        {
            root = dir.Root;
            Directory.CreateDirectory(dir.Path("sub", "deeper"));
            File.WriteAllText(dir.Path("sub", "deeper", "file"), "x");
            Directory.CreateSymbolicLink(dir.Path("sub", "to-outside"), outside.Root);
        }

        Directory.Exists(root).ShouldBeFalse();
        File.ReadAllText(outside.Path("keep.txt")).ShouldBe("keep");
    }
}
