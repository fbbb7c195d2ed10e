using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Deb;

/// <summary>A user's mistake: exit 2, one line naming the problem, and nothing written.</summary>
public class PackBadInputTests
{
    private TempDir _tmp = null!;
    private string _tree = null!;
    private string _out = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDir();
        _tree = _tmp.Path("tree");
        Directory.CreateDirectory(Path.Combine(_tree, "bin"));
        File.WriteAllText(Path.Combine(_tree, "bin", "tool"), "#!/bin/sh\necho hi\n");
        _out = _tmp.Path("out");
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private static readonly (string Mistake, string Expected, string Name)[] Mistakes =
    {
        ("missing-tree", "tree '", "Missing tree"),
        ("name", "invalid package name 'Foo_Bar'", "Name Foo_Bar"),
        ("version", "version '1.0 beta' contains whitespace", "Version with a space"),
        ("release", "release '1-2'", "Release with a dash"),
        ("compression", "unknown compression 'bzip2'", "Unknown compression"),
        ("format", "unknown format 'zip'", "Unknown format"),
        ("level", "--level: 42 is out of range", "Level out of range"),
        ("threads", "--threads: -1 is negative", "Negative thread count"),
        ("depends", "cannot read relation", "Malformed dependency"),
        ("config", "--config-file /etc/nope.conf: no such file", "Config file not in tree"),
    };

    /// <summary>Each mistake for each format request: the .rpm writer must refuse exactly like the .deb writer.</summary>
    public static IEnumerable<TestCaseData> MistakesByFormat() =>
        from m in Mistakes
        from format in new[] { "deb", "rpm", "deb,rpm" }
        select new TestCaseData(m.Mistake, m.Expected, format).SetName($"{m.Name} (-f {format})");

    [TestCaseSource(nameof(MistakesByFormat))]
    public void Exits_2_with_one_line_and_writes_nothing(string mistake, string expected, string format)
    {
        var args = new List<string> { "pack", mistake == "missing-tree" ? _tmp.Path("nope") : _tree,
            "--name", mistake == "name" ? "Foo_Bar" : "demo",
            "--version", mistake == "version" ? "1.0 beta" : "1.0",
            "--compression", mistake == "compression" ? "bzip2" : "xz",
            "-f", mistake == "format" ? "zip" : format, "-o", _out };
        if (mistake == "level") args.AddRange(new[] { "--level", "42" });
        if (mistake == "threads") args.AddRange(new[] { "--threads", "-1" });
        if (mistake == "depends") args.AddRange(new[] { "--depends", "bad (~= 1)" });
        if (mistake == "config") args.AddRange(new[] { "--config-file", "/etc/nope.conf" });
        if (mistake == "release") args.AddRange(new[] { "--release", "1-2" });

        var r = PkgifyCli.Run(args.ToArray());

        r.ExitCode.ShouldBe(2, r.StdErr);
        var lines = r.StdErr.Trim().Split('\n');
        lines.Length.ShouldBe(1, r.StdErr);
        lines[0].ShouldStartWith("pkgify: error: ");
        lines[0].ShouldContain(expected);
        r.StdErr.ShouldNotContain("   at ");
        (Directory.Exists(_out) ? Directory.GetFileSystemEntries(_out) : Array.Empty<string>()).ShouldBeEmpty();
    }

    [Test]
    public void A_full_disk_midway_leaves_no_partial_package_and_keeps_the_previous_one([Values("deb", "rpm")] string format)
    {
        ToolRunner.Require("mount");
        Directory.CreateDirectory(_out);
        ToolRunner.RunChecked("mount", new[] { "-t", "tmpfs", "-o", "size=256k", "tmpfs", _out });
        try
        {
            // A first, small package fits; it must survive the failed second run.
            PkgifyCli.RunChecked("pack", _tree, "--name", "demo", "--version", "1.0", "-f", format, "-o", _out);
            var good = Directory.GetFiles(_out).Single();
            var goodBytes = File.ReadAllBytes(good);

            // Incompressible content larger than the file system: the write fails midway.
            var noise = new byte[400 * 1024];
            new Random(7).NextBytes(noise);
            File.WriteAllBytes(Path.Combine(_tree, "bin", "blob"), noise);
            var r = PkgifyCli.Run("pack", _tree, "--name", "demo", "--version", "1.0", "-f", format, "-o", _out, "--compression", "none");

            r.ExitCode.ShouldBe(1, r.StdOut + r.StdErr);
            // Besides the progress line of the step that failed (stderr is a pipe), one error line.
            r.StdErr.Trim().Split('\n').Count(l => l.StartsWith("pkgify: error:", StringComparison.Ordinal)).ShouldBe(1, r.StdErr);
            r.StdErr.ShouldNotContain("   at ");
            Directory.GetFileSystemEntries(_out).ShouldBe(new[] { good });
            File.ReadAllBytes(good).ShouldBe(goodBytes);
        }
        finally
        {
            ToolRunner.Run("umount", new[] { _out });
        }
    }
}
