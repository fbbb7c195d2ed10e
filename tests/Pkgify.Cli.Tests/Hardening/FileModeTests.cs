using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Issue 8 item 7: no package pkgify writes holds a world-writable file, and the configuration that may hold
/// secrets (the environment file, config entries) is 0640 root:&lt;service user&gt; — in both packages, and on a
/// Debian system after installation, where the service user can read it and other users cannot.
/// </summary>
[NonParallelizable]
public class FileModeTests
{
    private const string User = "hello-wsgi";
    private static readonly string[] Secrets = ["/etc/hello-wsgi/hello-wsgi.env", "/etc/hello-wsgi/settings.env"];

    private HelloWsgiProject _project = null!;
    private string _deb = null!;
    private string _rpm = null!;

    [OneTimeSetUp]
    public void BuildTheExample()
    {
        _project = new HelloWsgiProject(port: 18_433);
        var packages = _project.Build(Path.Combine(_project.Root, "out"));
        _deb = packages.Single(p => p.EndsWith(".deb", StringComparison.Ordinal));
        _rpm = packages.Single(p => p.EndsWith(".rpm", StringComparison.Ordinal));
    }

    [OneTimeTearDown]
    public void Cleanup() => _project.Dispose();

    [Test]
    public void No_entry_of_a_built_or_packed_package_is_world_writable()
    {
        using var tmp = new TempDir("modes");
        var tree = tmp.Path("tree");
        Directory.CreateDirectory(tree);
        TrickyTree.Create(tree);
        PkgifyCli.RunChecked("pack", tree, "--name", "tricky", "--version", "1", "-o", tmp.Path("out"));

        foreach (var deb in new[] { _deb, Directory.GetFiles(tmp.Path("out"), "*.deb").Single() })
            foreach (var line in ToolRunner.RunChecked("dpkg-deb", ["-c", deb]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                WorldWritable(line.Split(' ')[0]).ShouldBeFalse($"{Path.GetFileName(deb)}: {line}");
        foreach (var rpm in new[] { _rpm, Directory.GetFiles(tmp.Path("out"), "*.rpm").Single() })
            foreach (var line in ToolRunner.RunChecked("rpm", ["-qp", "--qf", "[%{FILEMODES:perms} %{FILENAMES}\n]", rpm]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries))
                WorldWritable(line.Split(' ')[0]).ShouldBeFalse($"{Path.GetFileName(rpm)}: {line}");
    }

    [Test]
    public void Secret_configuration_is_packaged_0640_root_and_the_service_group()
    {
        var listing = ToolRunner.RunChecked("dpkg-deb", ["-c", _deb]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var rpm = ToolRunner.RunChecked("rpm", ["-qp", "--qf", "[%{FILENAMES} %{FILEMODES:perms} %{FILEUSERNAME} %{FILEGROUPNAME}\n]", _rpm]).StdOut;
        foreach (var path in Secrets)
        {
            listing.Single(l => l.EndsWith("." + path, StringComparison.Ordinal)).ShouldStartWith($"-rw-r----- root/{User} ");
            rpm.ShouldContain($"{path} -rw-r----- root {User}\n");
        }
    }

    [Test]
    public void Installed_the_service_user_reads_the_configuration_and_other_users_cannot()
    {
        using var root = DebianRoot.GetOrCreate();
        root.MountProc();
        File.Copy(_deb, root.HostPath("/tmp/app.deb"));
        root.AptInstall("/tmp/app.deb");

        foreach (var path in Secrets)
        {
            root.RunChecked("stat", "-c", "%U:%G %a", path).StdOut.Trim().ShouldBe($"root:{User} 640", path);
            root.RunChecked("runuser", "-u", User, "--", "cat", path);
            var other = root.Run("runuser", "-u", "nobody", "--", "cat", path);
            other.ExitCode.ShouldNotBe(0, path);
            other.StdErr.ShouldContain("Permission denied");
        }

        // An admin's dpkg-statoverride wins over the postinst, on reinstallation too (Policy §10.9.1).
        root.RunChecked("dpkg-statoverride", "--update", "--add", "root", "root", "0600", Secrets[1]);
        root.RunChecked("dpkg", "-i", "/tmp/app.deb");
        root.RunChecked("stat", "-c", "%U:%G %a", Secrets[1]).StdOut.Trim().ShouldBe("root:root 600");
        root.RunChecked("stat", "-c", "%U:%G %a", Secrets[0]).StdOut.Trim().ShouldBe($"root:{User} 640");
    }

    /// <summary>ls-style permissions: the "other" write bit, except on symlinks and sticky directories (/tmp-like).</summary>
    private static bool WorldWritable(string perms) =>
        perms[8] == 'w' && perms[0] != 'l' && !(perms[0] == 'd' && perms[9] is 't' or 'T');
}
