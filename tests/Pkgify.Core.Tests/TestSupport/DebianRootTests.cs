using NUnit.Framework;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.TestSupport;

/// <summary>Proves the cached bookworm root is a working Debian system, copied fresh per test.</summary>
public class DebianRootTests
{
    [Test]
    public void Root_has_dpkg_database_and_apt()
    {
        using var root = DebianRoot.GetOrCreate();

        root.RunChecked("dpkg", "-l").StdOut.ShouldContain("base-files");
        root.RunChecked("apt-get", "--version").StdOut.ShouldStartWith("apt ");
        root.RunChecked("cat", "/etc/debian_version").StdOut.ShouldStartWith("12.");
    }

    [Test]
    public void Each_copy_is_fresh_and_removed_on_dispose()
    {
        string firstRoot;
        using (var first = DebianRoot.GetOrCreate())
        {
            firstRoot = first.Root;
            first.RunChecked("touch", "/marker");
            File.Exists(first.HostPath("/marker")).ShouldBeTrue();
            using var second = DebianRoot.GetOrCreate();
            File.Exists(second.HostPath("/marker")).ShouldBeFalse();
        }
        Directory.Exists(firstRoot).ShouldBeFalse();
    }

    [Test]
    public void Proc_is_mounted_on_request_and_unmounted_on_dispose()
    {
        string procPath;
        using (var root = DebianRoot.GetOrCreate())
        {
            procPath = root.HostPath("/proc");
            root.MountProc();
            root.RunChecked("cat", "/proc/self/status").StdOut.ShouldContain("Pid:");
            MountPoints().ShouldContain(procPath);
        }
        MountPoints().ShouldNotContain(procPath);
    }

    [Test]
    public void Apt_installs_from_the_Debian_registry_inside_the_root()
    {
        using var root = DebianRoot.GetOrCreate();

        root.AptInstall("hello");

        root.RunChecked("hello").StdOut.ShouldContain("Hello, world!");
        root.RunChecked("dpkg-query", "-W", "-f=${Status}", "hello").StdOut.ShouldBe("install ok installed");
    }

    // Field 5 of /proc/self/mountinfo is the mount point (proc(5)).
    static List<string> MountPoints() =>
        File.ReadAllLines("/proc/self/mountinfo").Select(line => line.Split(' ')[4]).ToList();
}
