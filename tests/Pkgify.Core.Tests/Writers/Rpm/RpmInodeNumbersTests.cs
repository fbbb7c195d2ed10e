using NUnit.Framework;
using Pkgify.Core.Model;
using Pkgify.Core.Writers.Rpm;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Writers.Rpm;

/// <summary>
/// Files below a cacheable tree get inode numbers (FILEINODES = cpio ino) that do not move when an
/// application file is added before the tree, so the tree's payload segment keeps its bytes.
/// </summary>
public class RpmInodeNumbersTests
{
    private static PackageModel Model(params string[] appFiles)
    {
        var files = appFiles.Select(f => RpmModels.File(f, "app")).Concat(
        [
            RpmModels.File("/opt/app/venv/bin/python", "py"),
            RpmModels.File("/opt/app/venv/lib/site.py", "site"),
            RpmModels.File("/opt/app/zz.txt", "after"),
        ]);
        return RpmModels.Normalize("inodes", "1.0", files) with { CacheableTrees = ["/opt/app/venv"] };
    }

    private static Dictionary<string, int> Inodes(PackageModel model) =>
        RpmFileTable.From(model).Files.ToDictionary(f => f.File.Path, f => f.Inode);

    [Test]
    public void Tree_numbers_do_not_depend_on_the_files_before_the_tree_and_all_are_unique()
    {
        var before = Inodes(Model("/opt/app/a.py"));
        var after = Inodes(Model("/opt/app/a.py", "/opt/app/b.py", "/opt/app/c.py"));

        foreach (var path in before.Keys.Where(p => p.StartsWith("/opt/app/venv/", StringComparison.Ordinal)))
        {
            after[path].ShouldBe(before[path], path);
            after[path].ShouldBeGreaterThanOrEqualTo(1 << 30);
        }
        after["/opt/app/zz.txt"].ShouldBeLessThan(1 << 30, "outside the tree: rpmbuild's index + 1");
        after.Values.Distinct().Count().ShouldBe(after.Count);
    }

    [Test]
    public void Rpm_reads_the_same_numbers_from_the_header_as_the_table_holds()
    {
        using var tmp = new TempDir("rpm-inodes");
        var model = Model("/opt/app/a.py");
        var rpm = RpmModels.Write(model, tmp.Root);
        var dump = ToolRunner.RunChecked("rpm", ["-qp", "--nosignature", "--qf", "[%{FILEINODES} %{FILENAMES}\n]", rpm]).StdOut;
        var fromRpm = dump.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.Split(' ', 2)).ToDictionary(p => p[1], p => int.Parse(p[0]));
        fromRpm.ShouldBe(Inodes(model));
        ToolRunner.RunChecked("rpmkeys", ["-K", "--nosignature", rpm]).StdOut.ShouldContain("digests OK");
    }
}
