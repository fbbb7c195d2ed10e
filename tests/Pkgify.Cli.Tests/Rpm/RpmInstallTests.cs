using NUnit.Framework;
using Pkgify.TestSupport;
using Shouldly;
using static Pkgify.Cli.Tests.Rpm.RpmFixtures;

namespace Pkgify.Cli.Tests.Rpm;

/// <summary>
/// Our rpms in an rpm database of their own (`rpm --root R`): install, verify, rebuild the database, upgrade
/// with a changed %config(noreplace) file, erase. The tricky-tree packages have no scriptlets and need only
/// rpmlib() features, so the empty root satisfies them and no --nodeps is used.
/// </summary>
public class RpmInstallTests
{
    private const string ConfigFile = "etc/app.conf";
    private TempDir _tmp = null!;
    private string _tree = null!;
    private IReadOnlyList<TreeEntry> _expected = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDir("rpm-install");
        _tree = _tmp.Path("tree");
        _expected = CreateTree(_tree);
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [TestCase("gzip")]
    [TestCase("xz")]
    [TestCase("zstd")]
    [TestCase("none")]
    public void Each_payload_compression_installs_the_exact_tree(string compression)
    {
        var rpm = PackRpm(_tree, _tmp.Path("out"), compression: compression);
        var expectedCompressor = compression == "none" ? "(none)" : compression;
        ToolRunner.RunChecked("rpm", ["-qp", "--qf", "%{PAYLOADCOMPRESSOR}", rpm]).StdOut.ShouldBe(expectedCompressor);
        var root = new RpmScratchRoot(_tmp.Path("root"));

        root.RunChecked("-i", rpm);

        var installed = root.HostPath(Prefix);
        TreeSnapshot.AssertSame(_expected, TreeSnapshot.Capture(installed));
        TreeSnapshot.HardlinkGroups(installed).ShouldBe(TreeSnapshot.HardlinkGroups(_tree));
        root.RunChecked("-V", Name).StdOut.ShouldBeEmpty();
    }

    [Test]
    public void Install_verify_rebuilddb_upgrade_keeping_a_changed_config_and_erase()
    {
        var v1 = PackRpm(_tree, _tmp.Path("v1"), "1.0", "xz", "--config-file", ConfigFile);
        ToolRunner.RunChecked("rpm", ["-qpc", v1]).StdOut.ShouldBe($"{Prefix}/{ConfigFile}\n");
        ToolRunner.RunChecked("rpm", ["-qp", "--provides", v1]).StdOut.ShouldContain("config(tricky) = 1.0-1");
        ToolRunner.RunChecked("rpm", ["-qp", "--requires", v1]).StdOut.ShouldContain("config(tricky) = 1.0-1");
        var root = new RpmScratchRoot(_tmp.Path("root"));

        root.RunChecked("-i", v1);
        TreeSnapshot.AssertSame(_expected, TreeSnapshot.Capture(root.HostPath(Prefix)));
        root.RunChecked("-V", Name).StdOut.ShouldBeEmpty();
        root.RunChecked("--rebuilddb");
        root.RunChecked("-q", Name).StdOut.ShouldBe("tricky-1.0-1.noarch\n");
        root.RunChecked("-ql", Name).StdOut.ShouldContain($"{Prefix}/bin/run.sh");

        // The admin edits the config file; version 2 ships a new one and a new file.
        var installedConfig = root.HostPath($"{Prefix}/{ConfigFile}");
        File.WriteAllText(installedConfig, "listen = 0.0.0.0:9999\n");
        File.WriteAllText(Path.Combine(_tree, ConfigFile), "listen = 127.0.0.1:8081\n");
        File.WriteAllText(Path.Combine(_tree, "bin", "new-in-2"), "new\n");
        var v2 = PackRpm(_tree, _tmp.Path("v2"), "2.0", "xz", "--config-file", ConfigFile);
        root.RunChecked("-U", v2);

        root.RunChecked("-q", Name).StdOut.ShouldBe("tricky-2.0-1.noarch\n");
        File.Exists(root.HostPath($"{Prefix}/bin/new-in-2")).ShouldBeTrue();
        // %config(noreplace): the admin's version stays, the packaged one lands beside it as .rpmnew.
        File.ReadAllText(installedConfig).ShouldBe("listen = 0.0.0.0:9999\n");
        File.ReadAllText(installedConfig + ".rpmnew").ShouldBe("listen = 127.0.0.1:8081\n");

        File.Delete(installedConfig + ".rpmnew");
        root.RunChecked("-e", Name);
        root.IsInstalled(Name).ShouldBeFalse();
        // The changed config file is kept as .rpmsave; nothing else of the package remains.
        File.Exists(installedConfig + ".rpmsave").ShouldBeTrue();
        Directory.EnumerateFiles(root.HostPath(Prefix), "*", SearchOption.AllDirectories)
            .ShouldBe([installedConfig + ".rpmsave"]);
    }
}
