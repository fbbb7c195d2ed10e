using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;
using static Pkgify.Cli.Tests.Rpm.RpmFixtures;

namespace Pkgify.Cli.Tests.Rpm;

/// <summary>`pkgify pack -f rpm` of the tricky tree, proved by rpm itself: queries, digests, rpm2cpio and cpio.</summary>
public class RpmPackAcceptanceTests
{
    private TempDir _tmp = null!;
    private string _tree = null!;
    private IReadOnlyList<TreeEntry> _expected = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDir("rpm-pack");
        _tree = _tmp.Path("tree");
        _expected = CreateTree(_tree);
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void Rpm_qip_shows_the_metadata()
    {
        var rpm = PackRpm(_tree, _tmp.Path("out"));

        var info = ToolRunner.RunChecked("rpm", ["-qip", rpm]).StdOut;

        info.ShouldContain("Name        : tricky");
        info.ShouldContain("Version     : 1.2.3");
        info.ShouldContain("Release     : 1");
        info.ShouldContain("Architecture: noarch");
        info.ShouldContain("License     : MIT");
        info.ShouldContain("Summary     : Tricky tree");
        info.ShouldContain("URL         : https://example.com/tricky");
        info.ShouldContain("Packager    : Ops Team <ops@example.com>");
        info.ShouldContain("Source RPM  : tricky-1.2.3-1.src.rpm");
        info.ShouldContain("A tree that exercises the rpm writer.");
        ToolRunner.RunChecked("rpm", ["-qp", "--qf", "%{BUILDTIME}", rpm]).StdOut.ShouldBe(Epoch.ToString());
    }

    [Test]
    public void Rpm_dump_lists_exactly_the_tree_with_sizes_modes_digests_targets_owners_and_mtimes()
    {
        var rpm = PackRpm(_tree, _tmp.Path("out"));

        var dump = Dump(rpm);

        // The prefix is the package's own directory; /opt belongs to the filesystem package, so it is not listed.
        dump.Keys.Order(StringComparer.Ordinal).ShouldBe(
            _expected.Select(e => $"{Prefix}/{e.RelPath}").Append(Prefix).Order(StringComparer.Ordinal));
        dump[Prefix].Type.ShouldBe('d');
        foreach (var e in _expected)
        {
            var line = dump[$"{Prefix}/{e.RelPath}"];
            var what = e.RelPath;
            line.Type.ShouldBe(e.Type, what);
            line.Permissions.ShouldBe(e.Mode, what);
            line.Owner.ShouldBe("root", what);
            line.Group.ShouldBe("root", what);
            line.MTime.ShouldBe(TreeMTime, what);
            line.LinkTarget.ShouldBe(e.LinkTarget, what);
            line.Size.ShouldBe(e.Type == 'l' ? System.Text.Encoding.UTF8.GetByteCount(e.LinkTarget!) : e.Size, what);
            line.Digest.ShouldBe(e.Type == 'f' ? e.Sha256 : null, what);
            line.IsConfig.ShouldBeFalse(what);
        }
    }

    [Test]
    public void Rpmkeys_reports_every_digest_ok()
    {
        var rpm = PackRpm(_tree, _tmp.Path("out"));

        var check = ToolRunner.RunChecked("rpmkeys", ["-Kv", rpm]).StdOut;

        // rpm 4.18 checks PAYLOADDIGESTALT only when it reads the payload uncompressed; `pkgify verify` checks it too.
        foreach (var digest in new[] { "Header SHA256 digest: OK", "Header SHA1 digest: OK", "Payload SHA256 digest: OK", "MD5 digest: OK" })
            check.ShouldContain(digest);
        check.ShouldNotContain("BAD");
        check.ShouldNotContain("NOT OK");
    }

    [Test]
    public void Rpm2cpio_and_cpio_reproduce_the_tree()
    {
        var rpm = PackRpm(_tree, _tmp.Path("out"));
        var extracted = _tmp.Path("x");
        Directory.CreateDirectory(extracted);

        ToolRunner.RunChecked("bash", ["-o", "pipefail", "-c", "rpm2cpio \"$1\" | cpio -idm --quiet", "bash", rpm], extracted);

        var root = Path.Combine(extracted, Prefix.TrimStart('/'));
        TreeSnapshot.AssertSame(_expected, TreeSnapshot.Capture(root));
        TreeSnapshot.HardlinkGroups(root).ShouldBe(TreeSnapshot.HardlinkGroups(_tree));
        // GNU cpio -m restores regular files' mtimes only: it sets a directory's time before the entries that
        // follow it touch it again (the same with an archive GNU cpio writes itself in that order), and never a
        // symlink's.
        var files = MTimes(root).Where(m => m.Type == 'f').ToList();
        files.Count.ShouldBe(_expected.Count(e => e.Type == 'f'));
        files.ShouldAllBe(m => m.MTime == TreeMTime);
    }

    [Test]
    public void Every_entry_of_the_cpio_payload_carries_the_packed_mtime()
    {
        // libarchive's bsdtar reads newc and restores the times of directories (after their contents) and of
        // symlinks, so it sees every mtime the payload carries.
        ToolRunner.Require("bsdtar");
        var rpm = PackRpm(_tree, _tmp.Path("out"));
        var extracted = _tmp.Path("x");
        Directory.CreateDirectory(extracted);

        ToolRunner.RunChecked("bash", ["-o", "pipefail", "-c", "rpm2cpio \"$1\" | bsdtar -xpf -", "bash", rpm], extracted);

        var entries = MTimes(Path.Combine(extracted, Prefix.TrimStart('/')));
        entries.Count.ShouldBe(_expected.Count + 1); // the tree and the prefix directory itself
        entries.Where(m => m.MTime != TreeMTime).ShouldBeEmpty();
    }

    /// <summary>Every entry under <paramref name="root"/> (itself included) with its type and mtime, as GNU find sees them (lstat).</summary>
    private static List<(string Path, char Type, long MTime)> MTimes(string root) =>
        ToolRunner.RunChecked("find", [root, "-printf", "%y %Ts %P\\n"]).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ', 3))
            .Select(w => (w.Length > 2 ? w[2] : "", w[0][0], long.Parse(w[1])))
            .ToList();

    [Test]
    public void Pkgify_verify_accepts_the_package()
    {
        var rpm = PackRpm(_tree, _tmp.Path("out"));

        PkgifyCli.RunChecked("verify", rpm).StdOut.ShouldContain("OK");
    }

    [Test]
    public void Deb_and_rpm_are_written_together()
    {
        var output = _tmp.Path("both");

        PkgifyCli.RunChecked("pack", _tree, "--name", Name, "--version", "1.2.3", "-f", "deb,rpm", "-o", output,
            "--source-date-epoch", Epoch.ToString());

        Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["tricky-1.2.3-1.noarch.rpm", "tricky_1.2.3-1_all.deb"]);
        ToolRunner.RunChecked("rpmkeys", ["-K", Path.Combine(output, "tricky-1.2.3-1.noarch.rpm")]).StdOut.ShouldContain("digests OK");
        ToolRunner.RunChecked("dpkg-deb", ["--info", Path.Combine(output, "tricky_1.2.3-1_all.deb")]);
    }

    [Test]
    public void Same_inputs_and_epoch_give_identical_bytes_whatever_path_mtime_and_umask()
    {
        // Both trees are newer than SOURCE_DATE_EPOCH, so every mtime is clamped to it.
        var copy = _tmp.Path("elsewhere", "deeper", "tree");
        ToolRunner.RunChecked("mkdir", ["-p", Path.GetDirectoryName(copy)!]);
        ToolRunner.RunChecked("cp", ["-a", _tree, copy]);
        ToolRunner.RunChecked("find", [_tree, "-exec", "touch", "-h", "-d", "2029-06-01 08:00", "{}", "+"]);
        ToolRunner.RunChecked("find", [copy, "-exec", "touch", "-h", "-d", "2030-01-01 12:00", "{}", "+"]);

        var a = PackWithUmask(_tree, _tmp.Path("ra"), "022", "UTC");
        var b = PackWithUmask(copy, _tmp.Path("rb"), "077", "Asia/Tokyo");

        File.ReadAllBytes(a).ShouldBe(File.ReadAllBytes(b));
    }

    private static string PackWithUmask(string tree, string output, string umask, string zone)
    {
        var r = PkgifyCli.Run(["pack", tree, "--name", Name, "--version", "1.0", "-f", "rpm", "-o", output],
            new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch.ToString(), ["TZ"] = zone }, umask: umask);
        r.ExitCode.ShouldBe(0, r.StdErr);
        return Directory.GetFiles(output, "*.rpm").Single();
    }
}
