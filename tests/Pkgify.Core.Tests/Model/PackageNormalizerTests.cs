using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Shouldly;

namespace Pkgify.Core.Tests.Model;

public class PackageNormalizerTests
{
    private static PackageDraft Draft(string name = "demo", long? epoch = 1_700_000_000, params PackageFile[] files)
    {
        var d = new PackageDraft
        {
            Name = name,
            Version = "1.0",
            Metadata = new PackageMetadata("Demo", "", "Ops <ops@example.com>"),
            SourceDateEpoch = epoch,
        };
        d.Files.AddRange(files);
        return d;
    }

    private static PackageFile File(string path, long mtime = 1_600_000_000, int mode = 0x1A4) =>
        new(path, FileKind.Regular, mode, mtime, 3, GeneratedFileSource.FromText("abc"));

    [Test]
    public void Adds_every_parent_directory_as_implicit_and_sorts_by_utf8_bytes()
    {
        var model = PackageNormalizer.Normalize(Draft(files: new[] { File("/opt/demo/z"), File("/opt/demo/\U0001F600"), File("/opt/demo/\uFF21") }));
        model.Files.Select(f => f.Path).ShouldBe(new[] { "/opt", "/opt/demo", "/opt/demo/z", "/opt/demo/\uFF21", "/opt/demo/\U0001F600" });
        model.Files[0].IsImplicitParent.ShouldBeTrue();
        model.Files[0].Mode.ShouldBe(0x1ED);
        model.Files[0].Owner.ShouldBe("root");
    }

    [Test]
    public void Pack_clamps_mtimes_to_source_date_epoch_and_keeps_older_ones()
    {
        var model = PackageNormalizer.Normalize(Draft(epoch: 1_650_000_000, files: new[] { File("/a/new", 1_800_000_000), File("/a/old", 1_600_000_000) }));
        model.Files.Single(f => f.Path == "/a/new").MTime.ShouldBe(1_650_000_000);
        model.Files.Single(f => f.Path == "/a/old").MTime.ShouldBe(1_600_000_000);
        model.BuildTime.ShouldBe(1_650_000_000);
    }

    [Test]
    public void Build_dates_every_entry_at_the_source_date_epoch_whatever_the_inputs_say()
    {
        var draft = new PackageDraft
        {
            Name = "demo",
            Version = "1.0",
            Metadata = new PackageMetadata("Demo", "", "Ops <ops@example.com>"),
            SourceDateEpoch = 1_650_000_000,
            DateEveryEntryAtBuildTime = true,
        };
        draft.Files.AddRange([File("/a/new", 1_800_000_000), File("/a/old", 1_600_000_000)]);
        PackageNormalizer.Normalize(draft).Files.Select(f => f.MTime).Distinct().ShouldBe(new[] { 1_650_000_000L });
    }

    [TestCase(1_700_000_000L, PackageNormalizer.CacheableTreeTime)]
    [TestCase(900_000_000L, 900_000_000L)]
    public void Build_dates_entries_below_a_cacheable_tree_at_the_fixed_time_or_the_build_time_if_earlier(long epoch, long expected)
    {
        var draft = new PackageDraft
        {
            Name = "demo",
            Version = "1.0",
            Metadata = new PackageMetadata("Demo", "", "Ops <ops@example.com>"),
            SourceDateEpoch = epoch,
            DateEveryEntryAtBuildTime = true,
        };
        draft.CacheableTrees.Add("/opt/demo/venv");
        draft.Files.AddRange(new[] { File("/opt/demo/venv/bin/python", 1), File("/opt/demo/venv-notes", 1), File("/opt/demo/app/x", 1) });
        var model = PackageNormalizer.Normalize(draft);

        model.CacheableTrees.ShouldBe(new[] { "/opt/demo/venv" });
        model.Files.Single(f => f.Path == "/opt/demo/venv/bin/python").MTime.ShouldBe(expected);
        model.Files.Single(f => f.Path == "/opt/demo/venv/bin").MTime.ShouldBe(expected, "an implicit parent below the tree too");
        model.Files.Single(f => f.Path == "/opt/demo/venv").MTime.ShouldBe(epoch, "the tree's own directory is outside it");
        model.Files.Single(f => f.Path == "/opt/demo/venv-notes").MTime.ShouldBe(epoch, "a sibling whose name merely starts like the tree");
        model.Files.Single(f => f.Path == "/opt/demo/app/x").MTime.ShouldBe(epoch);
    }

    [Test]
    public void Pack_keeps_clamped_mtimes_below_a_cacheable_tree()
    {
        var draft = Draft(epoch: 1_700_000_000, files: new[] { File("/opt/demo/venv/a", 1_600_000_000) });
        draft.CacheableTrees.Add("/opt/demo/venv");
        PackageNormalizer.Normalize(draft).Files.Single(f => f.Path == "/opt/demo/venv/a").MTime.ShouldBe(1_600_000_000);
    }

    [Test]
    public void Without_source_date_epoch_the_newest_input_mtime_is_the_build_time()
    {
        var model = PackageNormalizer.Normalize(Draft(epoch: null, files: new[] { File("/a/x", 1_600_000_123), File("/a/y", 1_600_000_999) }));
        model.BuildTime.ShouldBe(1_600_000_999);
    }

    [Test]
    public void The_first_hardlink_member_in_path_order_carries_the_data()
    {
        var data = File("/a/z-data");
        var link = new PackageFile("/a/b-link", FileKind.Hardlink, 0x1A4, 1, LinkTarget: "/a/z-data");
        var model = PackageNormalizer.Normalize(Draft(files: new[] { data, link }));
        var first = model.Files.Single(f => f.Path == "/a/b-link");
        var second = model.Files.Single(f => f.Path == "/a/z-data");
        first.Kind.ShouldBe(FileKind.Regular);
        second.Kind.ShouldBe(FileKind.Hardlink);
        second.LinkTarget.ShouldBe("/a/b-link");
        second.Size.ShouldBe(3);
        first.Source.ShouldBe(data.Source);
    }

    [Test]
    public void Symlink_size_is_the_utf8_length_of_its_target()
    {
        var model = PackageNormalizer.Normalize(Draft(files: new[] { new PackageFile("/a/l", FileKind.Symlink, 0x1FF, 1, LinkTarget: "dönnées") }));
        model.Files.Single(f => f.Path == "/a/l").Size.ShouldBe(9);
    }

    [TestCase("Foo_Bar")]
    [TestCase("a")]
    [TestCase("-ab")]
    [TestCase("ab cd")]
    public void Rejects_invalid_names(string name)
    {
        var e = Should.Throw<UsageException>(() => PackageNormalizer.Normalize(Draft(name)));
        e.Message.ShouldContain("invalid package name");
    }

    [Test]
    public void Suggests_a_valid_name()
    {
        Should.Throw<UsageException>(() => PackageNormalizer.Normalize(Draft("Foo_Bar"))).Message.ShouldContain("try 'foo-bar'");
    }

    [TestCase("relative/path")]
    [TestCase("/a/../etc/passwd")]
    [TestCase("/a/./b")]
    [TestCase("/a/b\nc")]
    public void Rejects_unsafe_paths(string path)
    {
        Should.Throw<UsageException>(() => PackageNormalizer.Normalize(Draft(files: new[] { File(path) })));
    }

    [Test]
    public void Rejects_the_same_path_twice_after_normalization()
    {
        Should.Throw<UsageException>(() => PackageNormalizer.Normalize(Draft(files: new[] { File("/a/b"), File("//a//b/") })))
            .Message.ShouldContain("listed twice");
    }

    [Test]
    public void Rejects_a_file_used_as_a_parent_directory()
    {
        Should.Throw<UsageException>(() => PackageNormalizer.Normalize(Draft(files: new[] { File("/a/b"), File("/a/b/c") })))
            .Message.ShouldContain("is not a directory");
    }

    [Test]
    public void Rejects_config_flags_on_symlinks()
    {
        var link = new PackageFile("/etc/x", FileKind.Symlink, 0x1FF, 1, LinkTarget: "y", Flags: FileFlags.Config);
        Should.Throw<UsageException>(() => PackageNormalizer.Normalize(Draft(files: new[] { link })));
    }

    [TestCase("Root")]
    [TestCase("a b")]
    [TestCase("x;rm")]
    public void Rejects_invalid_owner_names(string owner)
    {
        Should.Throw<UsageException>(() => PackageNormalizer.Normalize(Draft(files: new[] { File("/a") with { Owner = owner } })));
    }
}
