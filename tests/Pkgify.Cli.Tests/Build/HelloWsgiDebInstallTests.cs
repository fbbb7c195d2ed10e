using System.Diagnostics;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Build;

/// <summary>
/// Issue 4's acceptance on Debian: the example's .deb goes into a real bookworm minbase root (no compiler,
/// no Python) with apt-get, serves a request through its C extension, keeps an edited conffile across an
/// upgrade, and is purged.
/// </summary>
[NonParallelizable]
public class HelloWsgiDebInstallTests
{
    private const int Port = 18_431;
    private HelloWsgiProject _project = null!;
    private string _v1 = null!;
    private string _v2 = null!;

    [OneTimeSetUp]
    public void BuildBothVersions()
    {
        _project = new HelloWsgiProject(Port);
        _v1 = _project.Build(Path.Combine(_project.Root, "out1"), "-f", "deb").Single();
        _project.SetVersion("1.0.1");
        _v2 = _project.Build(Path.Combine(_project.Root, "out2"), "-f", "deb").Single();
        Path.GetFileName(_v1).ShouldBe($"hello-wsgi_1.0.0-1_{Arch}.deb");
    }

    [OneTimeTearDown]
    public void Cleanup() => _project.Dispose();

    private static string Arch => ToolRunner.RunChecked("dpkg", new[] { "--print-architecture" }).StdOut.Trim();

    [Test]
    public void Installs_with_apt_serves_through_the_c_extension_keeps_conffiles_on_upgrade_and_purges()
    {
        using var root = DebianRoot.GetOrCreate();
        root.MountProc();
        root.Run("sh", "-c", "command -v python3.11 || command -v gcc").ExitCode.ShouldNotBe(0, "the minbase root starts without Python or a compiler");
        File.Copy(_v1, root.HostPath("/tmp/v1.deb"));
        File.Copy(_v2, root.HostPath("/tmp/v2.deb"));

        // Issue 5: the package declares the interpreter and exactly the libraries its C extension links.
        var depends = ToolRunner.RunChecked("dpkg-deb", new[] { "-f", _v1, "Depends" }).StdOut.Trim();
        depends.Split(", ").Select(d => d.Split(' ')[0]).Order(StringComparer.Ordinal).ToArray().ShouldBe(new[] { "libc6", "python3.11", "zlib1g" }, depends);
        root.AptInstall("/tmp/v1.deb");
        root.RunChecked("dpkg", "-s", "python3.11").StdOut.ShouldContain("Status: install ok installed");
        root.RunChecked("getent", "passwd", "hello-wsgi").StdOut.ShouldContain("/usr/sbin/nologin");
        root.Run("sh", "-c", "command -v gcc").ExitCode.ShouldNotBe(0, "installing the package needs no compiler");

        ServeOneRequest(root).ShouldBe($"hello, pkgify (native, crc32={Crc32Hex("pkgify")})\n");

        // An admin's edit of a conffile survives the upgrade; dpkg keeps it without asking since the packaged file is unchanged.
        var settings = root.HostPath("/etc/hello-wsgi/settings.env");
        File.AppendAllText(settings, "HELLO_NAME=admin-edit\n");
        root.AptInstall("/tmp/v2.deb");
        root.RunChecked("dpkg-query", "-W", "-f=${Version}", "hello-wsgi").StdOut.ShouldBe("1.0.1-1");
        File.ReadAllText(settings).ShouldContain("HELLO_NAME=admin-edit");

        root.RunChecked(new[] { "apt-get", "purge", "-y", "-qq", "hello-wsgi" }, env: null, timeout: TimeSpan.FromMinutes(5));
        Directory.Exists(root.HostPath("/etc/hello-wsgi")).ShouldBeFalse("purge removes the configuration");
        Directory.Exists(root.HostPath("/opt/hello-wsgi")).ShouldBeFalse();
        root.Run("dpkg", "-s", "hello-wsgi").ExitCode.ShouldNotBe(0);
    }

    [Test]
    public void No_file_in_the_package_names_the_build_directories()
    {
        using var tmp = new TempDir("leak");
        // The payload and the control members (control, maintainer scripts, conffiles, md5sums).
        var data = tmp.Path("data");
        var control = tmp.Path("control");
        ToolRunner.RunChecked("dpkg-deb", new[] { "-x", _v1, data });
        ToolRunner.RunChecked("dpkg-deb", new[] { "-e", _v1, control });
        Directory.EnumerateFiles(control).Select(Path.GetFileName).ShouldContain("postinst");
        var forbidden = new[] { _project.Dir, _project.CacheDir };
        var hits = ToolRunner.Run("grep", new[] { "-rlF", "-e", forbidden[0], "-e", forbidden[1], data, control });
        hits.StdOut.ShouldBeEmpty();
        hits.ExitCode.ShouldBe(1, "grep exits 1 when nothing matches");
    }

    [Test]
    public void Both_env_files_are_conffiles_and_the_docs_name_the_bundled_distributions()
    {
        ToolRunner.RunChecked("sh", new[] { "-c", "dpkg-deb --ctrl-tarfile \"$1\" | tar -xOf - ./conffiles", "sh", _v1 }).StdOut
            .ShouldBe("/etc/hello-wsgi/hello-wsgi.env\n/etc/hello-wsgi/settings.env\n");

        using var tmp = new TempDir("doc");
        ToolRunner.RunChecked("dpkg-deb", new[] { "-x", _v1, tmp.Root });
        var doc = Path.Combine(tmp.Root, "usr/share/doc/hello-wsgi");
        Directory.EnumerateFiles(doc).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(new[] { "bundled-python-distributions.txt", "changelog.Debian.gz", "copyright" });
        File.ReadAllLines(Path.Combine(doc, "bundled-python-distributions.txt")).ShouldContain("greetfast 1.0.0  (MIT)");
        var changelog = tmp.Path("changelog");
        File.WriteAllBytes(changelog, ToolRunner.RunBytesChecked("gzip", new[] { "-dc", Path.Combine(doc, "changelog.Debian.gz") }).StdOut);
        ToolRunner.RunChecked("dpkg-parsechangelog", new[] { "-l", changelog, "-S", "Version" }).StdOut.ShouldBe("1.0.0-1\n");
        File.ReadAllText(Path.Combine(doc, "copyright")).ShouldContain("greetfast");
    }

    /// <summary>
    /// Runs the unit's ExecStart command in the chroot as the service user (there is no systemd in a
    /// chroot), asks it for /pkgify over HTTP and stops it.
    /// </summary>
    private static string ServeOneRequest(DebianRoot root)
    {
        var unit = File.ReadAllText(root.HostPath("/usr/lib/systemd/system/hello-wsgi.service"));
        var command = SystemdCommandLine.Split(SystemdCommandLine.ExecStart(unit));
        var start = new ProcessStartInfo("chroot") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { "--userspec=hello-wsgi:hello-wsgi", root.Root, "/usr/bin/env", "-i",
                     "PATH=/opt/hello-wsgi/venv/bin:/usr/bin:/bin", "HOME=/var/lib/hello-wsgi", "PYTHONDONTWRITEBYTECODE=1",
                     "sh", "-c", "cd /opt/hello-wsgi/app && exec \"$@\"", "sh" }.Concat(command))
            start.ArgumentList.Add(a);
        using var server = Process.Start(start)!;
        try
        {
            using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (true)
            {
                try
                {
                    return http.GetStringAsync($"http://127.0.0.1:{Port}/pkgify").GetAwaiter().GetResult();
                }
                catch (HttpRequestException) when (DateTime.UtcNow < deadline && !server.HasExited)
                {
                    Thread.Sleep(250);
                }
                catch (HttpRequestException e)
                {
                    Assert.Fail($"the server did not answer: {e.Message}; exited={server.HasExited}; stderr: {(server.HasExited ? server.StandardError.ReadToEnd() : "")}");
                }
            }
        }
        finally
        {
            if (!server.HasExited)
                server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    private static string Crc32Hex(string text) =>
        ToolRunner.RunChecked("python3", new[] { "-c", $"import zlib; print('%08x' % zlib.crc32(b'{text}'))" }).StdOut.Trim();
}
