using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Deb;

/// <summary>
/// `pkgify pack -f deb` proved by the tools that consume .deb files: dpkg-deb, dpkg and lintian.
/// </summary>
[NonParallelizable]
public class DebPackAcceptanceTests
{
    private TempDir _tmp = null!;
    private string _tree = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDir();
        _tree = _tmp.Path("tree");
        TrickyTree.Create(_tree);
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private string PackDeb(string compression = "xz", string? tree = null, string? output = null)
    {
        var outDir = output ?? _tmp.Path("out-" + compression);
        PkgifyCli.RunChecked("pack", tree ?? _tree, "--name", "tricky", "--version", "1.2.3", "--prefix", "/opt/tricky",
            "-f", "deb", "--compression", compression, "-o", outDir, "--source-date-epoch", "1700000000",
            "--maintainer", "Ops Team <ops@example.com>", "--summary", "exercise for the archive writers", "--description", "A tree that exercises the tar writer.\n\nSecond paragraph.");
        var debs = Directory.GetFiles(outDir, "*.deb");
        debs.Length.ShouldBe(1);
        Path.GetFileName(debs[0]).ShouldBe("tricky_1.2.3-1_all.deb");
        Directory.GetFiles(outDir).Length.ShouldBe(1, "no temp files are left beside the package");
        return debs[0];
    }

    [TestCase("xz", ".xz")]
    [TestCase("gzip", ".gz")]
    [TestCase("zstd", ".zst")]
    [TestCase("none", "")]
    public void Dpkg_deb_reads_the_package_and_extracts_the_exact_tree(string compression, string suffix)
    {
        ToolRunner.Require("dpkg-deb");
        var deb = PackDeb(compression);

        // The codec shows in the member names, in the order deb(5) requires (formats.md §1.1, §1.5).
        ToolRunner.RunChecked("ar", new[] { "t", deb }).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(new[] { "debian-binary", "control.tar" + suffix, "data.tar" + suffix });

        var info = ToolRunner.RunChecked("dpkg-deb", new[] { "--info", deb });
        info.StdOut.ShouldContain("Package: tricky");
        info.StdOut.ShouldContain("Version: 1.2.3-1");
        info.StdOut.ShouldContain("Architecture: all");
        ToolRunner.RunChecked("dpkg-deb", new[] { "--contents", deb }).StdOut.ShouldContain("./opt/tricky/");

        var extracted = _tmp.Path("x-" + compression);
        ToolRunner.RunChecked("dpkg-deb", new[] { "-x", deb, extracted });
        var expected = TreeSnapshot.Capture(_tree);
        var actual = TreeSnapshot.Capture(Path.Combine(extracted, "opt", "tricky"));
        TreeSnapshot.Diff(expected, actual).ShouldBeEmpty();
        TreeSnapshot.HardlinkGroups(Path.Combine(extracted, "opt", "tricky")).ShouldBe(TreeSnapshot.HardlinkGroups(_tree));
    }

    [Test]
    public void Dpkg_installs_into_a_scratch_root_and_purges()
    {
        ToolRunner.Require("dpkg");
        var deb = PackDeb();
        var root = _tmp.Path("root");
        foreach (var d in new[] { "var/lib/dpkg/info", "var/lib/dpkg/updates" })
            Directory.CreateDirectory(Path.Combine(root, d));
        File.WriteAllText(Path.Combine(root, "var/lib/dpkg/status"), "");

        ToolRunner.RunChecked("dpkg", new[] { "--root=" + root, "--log=/dev/null", "-i", deb });
        var installed = Path.Combine(root, "opt", "tricky");
        TreeSnapshot.Diff(TreeSnapshot.Capture(_tree), TreeSnapshot.Capture(installed)).ShouldBeEmpty();
        ToolRunner.RunChecked("dpkg", new[] { "--root=" + root, "-s", "tricky" }).StdOut.ShouldContain("Status: install ok installed");
        // dpkg --verify checks every installed file against the md5sums we wrote (dpkg(1), --verify): silence is success.
        // dpkg generates md5sums for a package without them, so first prove that the database holds ours.
        File.ReadAllText(Path.Combine(root, "var/lib/dpkg/info/tricky.md5sums"))
            .ShouldBe(ToolRunner.RunChecked("dpkg-deb", new[] { "--info", deb, "md5sums" }).StdOut);
        var verify = ToolRunner.Run("dpkg", new[] { "--root=" + root, "--verify", "tricky" });
        verify.ExitCode.ShouldBe(0, verify.StdErr);
        (verify.StdOut + verify.StdErr).ShouldBeEmpty();

        ToolRunner.RunChecked("dpkg", new[] { "--root=" + root, "--log=/dev/null", "--purge", "tricky" });
        Directory.Exists(installed).ShouldBeFalse();
        ToolRunner.Run("dpkg", new[] { "--root=" + root, "-s", "tricky" }).ExitCode.ShouldNotBe(0);
    }

    [Test]
    public void Every_entry_is_owned_by_root_whoever_owns_the_source_tree()
    {
        var copy = _tmp.Path("nobodys", "tree");
        ToolRunner.RunChecked("mkdir", new[] { "-p", Path.GetDirectoryName(copy)! });
        ToolRunner.RunChecked("cp", new[] { "-a", _tree, copy });
        ToolRunner.RunChecked("chown", new[] { "-R", "-h", "nobody:nogroup", copy });
        ToolRunner.RunChecked("stat", new[] { "-c", "%U:%G", Path.Combine(copy, "etc", "app.conf") }).StdOut.ShouldBe("nobody:nogroup\n");
        var deb = PackDeb(tree: copy);

        // Names as dpkg-deb lists them, then the numeric ids of the same headers (GNU tar --numeric-owner).
        var names = ToolRunner.RunChecked("dpkg-deb", new[] { "-c", deb }).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        names.Length.ShouldBeGreaterThan(TrickyTree.LongPathLengths.Count);
        names.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).Distinct().ShouldBe(new[] { "root/root" });
        var dataTar = ToolRunner.RunBytesChecked("dpkg-deb", new[] { "--fsys-tarfile", deb }).StdOut;
        var ids = ToolRunner.RunChecked("tar", new[] { "--numeric-owner", "-tvf", "-" }, stdin: dataTar).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        ids.Length.ShouldBe(names.Length);
        ids.Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]).Distinct().ShouldBe(new[] { "0/0" });
    }

    [Test]
    public void Lintian_reports_no_error_outside_the_allowlist()
    {
        ToolRunner.Require("lintian");
        var deb = PackDeb();
        // --fail-on none: lintian 2.116 exits 0 after a complete run whatever it found, 1 on a run-time error and
        // 2 only for --fail-on conditions (lintian(1), EXIT STATUS); so any non-zero exit means it did not check.
        var result = ToolRunner.Run("lintian", new[] { "--allow-root", "--no-cfg", "-E", "--pedantic", "--fail-on", "none", deb },
            timeout: TimeSpan.FromMinutes(5));
        var output = $"lintian output:\n{result.StdOut}{result.StdErr}";
        result.ExitCode.ShouldBe(0, output);
        result.StdErr.ShouldNotContain("internal error");

        // Lines read "E: tricky: tag details".
        var errorTags = result.StdOut.Split('\n')
            .Where(l => l.StartsWith("E: tricky: ", StringComparison.Ordinal))
            .Select(l => l.Split(' ')[2])
            .ToList();
        // Proof that lintian analysed this package: a tree under /opt always draws dir-or-file-in-opt (formats.md §1.8).
        errorTags.ShouldContain("dir-or-file-in-opt", output);
        var allowed = LintianAllowlist.Load();
        errorTags.Where(tag => !allowed.Contains(tag)).ShouldBeEmpty(output);
    }

    [Test]
    public void Same_inputs_and_epoch_give_identical_bytes_whatever_path_mtime_and_umask()
    {
        var copy = _tmp.Path("elsewhere", "deeper", "tree");
        ToolRunner.RunChecked("mkdir", new[] { "-p", Path.GetDirectoryName(copy)! });
        ToolRunner.RunChecked("cp", new[] { "-a", _tree, copy });
        ToolRunner.RunChecked("find", new[] { copy, "-exec", "touch", "-h", "-d", "2030-01-01 12:00", "{}", "+" });

        var a = RunWithUmask(_tree, _tmp.Path("ra"), "022");
        var b = RunWithUmask(copy, _tmp.Path("rb"), "077");
        File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b));
    }

    private static string RunWithUmask(string tree, string output, string umask)
    {
        var r = PkgifyCli.Run(new[] { "pack", tree, "--name", "tricky", "--version", "1.0", "-f", "deb", "-o", output },
            new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = "1700000000", ["TZ"] = umask == "022" ? "UTC" : "Asia/Tokyo", ["LANG"] = umask == "022" ? "C" : "de_DE.UTF-8" },
            umask: umask);
        r.ExitCode.ShouldBe(0, r.StdErr);
        return Directory.GetFiles(output, "*.deb").Single();
    }
}
