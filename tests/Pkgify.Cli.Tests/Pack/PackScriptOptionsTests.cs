using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Pack;

/// <summary>
/// `pack --before-install/--after-install/--before-remove/--after-remove FILE` (fpm's names): one script text for
/// both families, run by dpkg and by rpm with their own arguments. Both packages are installed and removed for
/// real in Debian roots (rpm and dpkg run scripts chrooted there). The rpm root's rpm database does not know
/// the Debian files, so nothing in it provides /bin/sh and bash: rpm -i needs --nodeps.
/// </summary>
[NonParallelizable]
public class PackScriptOptionsTests
{
    private const string Log = "/var/tmp/pkgify-pack-scripts.log";
    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("pack-scripts");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void The_same_scripts_run_under_dpkg_and_rpm_with_each_ones_arguments()
    {
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "app"), "app\n");
        // With and without a #! line: the interpreter comes from it, /bin/sh otherwise.
        var pre = Script("before-install", $"#!/bin/bash -e\necho \"pre $1\" >> {Log}\n");
        var post = Script("after-install", $"echo \"post $1\" >> {Log}\n");
        var preun = Script("before-remove", $"echo \"preun $1\" >> {Log}\n");
        var postun = Script("after-remove", $"echo \"postun $1\" >> {Log}\n");
        var output = _tmp.Path("out");

        PkgifyCli.RunChecked("pack", tree, "--name", "scripted", "--version", "1.0", "-f", "deb,rpm", "-o", output,
            "--before-install", pre, "--after-install", post, "--before-remove", preun, "--after-remove", postun);

        var rpm = Path.Combine(output, "scripted-1.0-1.noarch.rpm");
        var deb = Path.Combine(output, "scripted_1.0-1_all.deb");
        ToolRunner.RunChecked("rpm", ["-qp", "--qf", "[%{PREINPROG} ]|%{POSTINPROG}|%{PREIN}", rpm]).StdOut
            // rpm keeps the body without trailing blank lines, as rpmbuild stores scriptlets (build/parseScript.c).
            .ShouldBe($"/bin/bash -e |/bin/sh|{File.ReadAllText(pre).TrimEnd()}");
        ToolRunner.RunChecked("dpkg-deb", ["--info", deb, "preinst"]).StdOut.ShouldBe(File.ReadAllText(pre));
        ToolRunner.RunChecked("dpkg-deb", ["--info", deb, "postinst"]).StdOut.ShouldBe("#!/bin/sh\n" + File.ReadAllText(post));

        using (var debian = DebianRoot.GetOrCreate())
        {
            File.Copy(deb, debian.HostPath("/tmp/scripted.deb"));
            debian.RunChecked("dpkg", "-i", "/tmp/scripted.deb");
            debian.RunChecked("dpkg", "--purge", "scripted");
            // dpkg's arguments (deb-preinst(5), deb-postinst(5), deb-prerm(5), deb-postrm(5)).
            File.ReadAllText(debian.HostPath(Log)).ShouldBe("pre install\npost configure\npreun remove\npostun remove\npostun purge\n");
        }
        using (var debian = DebianRoot.GetOrCreate())
        {
            var root = new RpmScratchRoot(debian.Root);
            root.RunChecked("-i", "--nodeps", rpm);
            root.RunChecked("-e", "scripted");
            // rpm's instance counts (formats.md §2.9).
            File.ReadAllText(debian.HostPath(Log)).ShouldBe("pre 1\npost 1\npreun 0\npostun 0\n");
        }
    }

    [Test]
    public void A_missing_script_file_is_a_usage_error_and_nothing_is_written()
    {
        var tree = _tmp.Path("tree");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "app"), "app\n");

        var r = PkgifyCli.Run("pack", tree, "--name", "scripted", "--version", "1.0", "-o", _tmp.Path("out"),
            "--after-install", _tmp.Path("no-such-script"));

        r.ExitCode.ShouldBe(2, r.StdErr);
        r.StdErr.Trim().Split('\n').ShouldHaveSingleItem().ShouldContain("--after-install");
        Directory.Exists(_tmp.Path("out")).ShouldBeFalse();
    }

    private string Script(string name, string text)
    {
        var path = _tmp.Path(name + ".sh");
        File.WriteAllText(path, text);
        return path;
    }
}
