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

    [TestCase("missing-tree", "tree '", TestName = "Missing tree")]
    [TestCase("name", "invalid package name 'Foo_Bar'", TestName = "Name Foo_Bar")]
    [TestCase("version", "version '1.0 beta' contains whitespace", TestName = "Version with a space")]
    [TestCase("compression", "unknown compression 'bzip2'", TestName = "Unknown compression")]
    [TestCase("format", "unknown format 'zip'", TestName = "Unknown format")]
    [TestCase("level", "--level: 42 is out of range", TestName = "Level out of range")]
    [TestCase("threads", "--threads: -1 is negative", TestName = "Negative thread count")]
    [TestCase("depends", "cannot read relation", TestName = "Malformed dependency")]
    [TestCase("config", "--config-file /etc/nope.conf: no such file", TestName = "Config file not in tree")]
    public void Exits_2_with_one_line_and_writes_nothing(string mistake, string expected)
    {
        var args = new List<string> { "pack", mistake == "missing-tree" ? _tmp.Path("nope") : _tree,
            "--name", mistake == "name" ? "Foo_Bar" : "demo",
            "--version", mistake == "version" ? "1.0 beta" : "1.0",
            "--compression", mistake == "compression" ? "bzip2" : "xz",
            "-f", mistake == "format" ? "zip" : "deb", "-o", _out };
        if (mistake == "level") args.AddRange(new[] { "--level", "42" });
        if (mistake == "threads") args.AddRange(new[] { "--threads", "-1" });
        if (mistake == "depends") args.AddRange(new[] { "--depends", "bad (~= 1)" });
        if (mistake == "config") args.AddRange(new[] { "--config-file", "/etc/nope.conf" });

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
    public void A_full_disk_midway_leaves_no_partial_package_and_keeps_the_previous_one()
    {
        ToolRunner.Require("mount");
        Directory.CreateDirectory(_out);
        ToolRunner.RunChecked("mount", new[] { "-t", "tmpfs", "-o", "size=256k", "tmpfs", _out });
        try
        {
            // A first, small package fits; it must survive the failed second run.
            PkgifyCli.RunChecked("pack", _tree, "--name", "demo", "--version", "1.0", "-f", "deb", "-o", _out);
            var good = Directory.GetFiles(_out, "*.deb").Single();
            var goodBytes = File.ReadAllBytes(good);

            // Incompressible content larger than the file system: the write fails midway.
            var noise = new byte[400 * 1024];
            new Random(7).NextBytes(noise);
            File.WriteAllBytes(Path.Combine(_tree, "bin", "blob"), noise);
            var r = PkgifyCli.Run("pack", _tree, "--name", "demo", "--version", "1.0", "-f", "deb", "-o", _out, "--compression", "none");

            r.ExitCode.ShouldBe(1, r.StdOut + r.StdErr);
            r.StdErr.Trim().Split('\n').Length.ShouldBe(1, r.StdErr);
            Directory.GetFileSystemEntries(_out).ShouldBe(new[] { good });
            File.ReadAllBytes(good).ShouldBe(goodBytes);
        }
        finally
        {
            ToolRunner.Run("umount", new[] { _out });
        }
    }
}
