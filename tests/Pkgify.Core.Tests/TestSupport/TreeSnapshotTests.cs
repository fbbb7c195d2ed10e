using Mono.Unix.Native;
using NUnit.Framework;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.TestSupport;

public class TreeSnapshotTests
{
    [Test]
    public void Capture_reports_symlinks_without_following_them_sorted_ordinally()
    {
        using var dir = new TempDir();
        Directory.CreateDirectory(dir.Path("a", "b"));
        File.WriteAllText(dir.Path("a", "b", "inside"), "abc");
        File.WriteAllText(dir.Path("a-b"), "");
        File.WriteAllText(dir.Path("B"), "");
        Directory.CreateSymbolicLink(dir.Path("link-to-a"), "a");

        var paths = TreeSnapshot.Capture(dir.Root).Select(e => e.RelPath).ToList();

        // Ordinal: 'B' (0x42) < 'a'; '-' (0x2d) < '/' (0x2f).
        paths.ShouldBe(["B", "a", "a-b", "a/b", "a/b/inside", "link-to-a"]);
        TreeSnapshot.Capture(dir.Root).Single(e => e.RelPath == "link-to-a")
            .ShouldBe(new TreeEntry("link-to-a", 'l', 0b111_111_111, "a", 0, null, 1));
    }

    [Test]
    public void Capture_records_content_digest_size_and_exact_mode()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("f"), "abc");
        Syscall.chmod(dir.Path("f"), (FilePermissions)0b100_111_101_000).ShouldBe(0); // 04750: setuid kept

        var entry = TreeSnapshot.Capture(dir.Root).Single();

        entry.ShouldBe(new TreeEntry("f", 'f', 0b100_111_101_000, null, 3,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", 1)); // FIPS 180-2 "abc"
        entry.OctalMode.ShouldBe("4750");
    }

    [Test]
    public void Diff_names_every_difference_readably()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("same"), "same");
        File.WriteAllText(dir.Path("changed"), "before");
        File.WriteAllText(dir.Path("gone"), "");
        var before = TreeSnapshot.Capture(dir.Root);

        File.WriteAllText(dir.Path("changed"), "after!");
        Syscall.chmod(dir.Path("changed"), (FilePermissions)0b110_000_000).ShouldBe(0);
        File.Delete(dir.Path("gone"));
        File.WriteAllText(dir.Path("new"), "");
        var after = TreeSnapshot.Capture(dir.Root);

        TreeSnapshot.Diff(before, before).ShouldBeEmpty();
        var diff = TreeSnapshot.Diff(before, after);
        diff.Count.ShouldBe(4);
        diff[0].ShouldBe("changed: mode 0644 expected, got 0600");
        diff[1].ShouldStartWith("changed: sha256 ");
        diff[2].ShouldStartWith("missing: f 0644 gone");
        diff[3].ShouldStartWith("unexpected: f 0644 new");
        Assert.Throws<AssertionException>(() => TreeSnapshot.AssertSame(before, after))!
            .Message.ShouldContain("trees differ in 4 place(s)");
    }

    [Test]
    public void Hardlink_groups_list_paths_sharing_an_inode()
    {
        using var dir = new TempDir();
        File.WriteAllText(dir.Path("one"), "x");
        File.WriteAllText(dir.Path("alone"), "x");
        Syscall.link(dir.Path("one"), dir.Path("two")).ShouldBe(0);

        TreeSnapshot.HardlinkGroups(dir.Root).ShouldBe([new[] { "one", "two" }]);
        TreeSnapshot.Capture(dir.Root).Select(e => e.LinkCount).ShouldBe([1, 2, 2]);
    }
}
