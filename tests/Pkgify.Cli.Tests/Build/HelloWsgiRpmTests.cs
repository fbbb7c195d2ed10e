using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Build;

/// <summary>
/// Issue 4's acceptance on the RPM side: the example's .rpm installs with rpm (its scriptlets create the
/// user), verifies clean and imports its C extension; and rpmbuild, given the spec `pkgify render` prints
/// and the tree `build --stage` leaves, makes the same package pkgify wrote.
/// </summary>
[NonParallelizable]
public class HelloWsgiRpmTests
{
    private HelloWsgiProject _project = null!;
    private string _rpm = null!;
    private string _stage = null!;

    [OneTimeSetUp]
    public void Build()
    {
        _project = new HelloWsgiProject(18_432);
        _stage = Path.Combine(_project.Root, "stage");
        _rpm = _project.Build(Path.Combine(_project.Root, "out"), "-f", "rpm", "--stage", _stage).Single();
        Path.GetFileName(_rpm).ShouldStartWith("hello-wsgi-1.0.0-1.");
    }

    [OneTimeTearDown]
    public void Cleanup() => _project.Dispose();

    [Test]
    public void Installs_with_rpm_in_a_root_verifies_clean_and_imports_its_c_extension()
    {
        using var root = DebianRoot.GetOrCreate();
        root.MountProc();
        // The root's Python comes from apt; rpm's own database does not know dpkg's packages, hence --nodeps.
        root.AptInstall("rpm", "python3.11", "passwd");
        File.Copy(_rpm, root.HostPath("/tmp/hello.rpm"));
        root.RunChecked(new[] { "rpm", "-i", "--nodeps", "/tmp/hello.rpm" }, env: null, timeout: TimeSpan.FromMinutes(5));

        root.RunChecked("getent", "passwd", "hello-wsgi");
        // --nodeps: this root's /bin/sh and python come from dpkg, unknown to rpm's database; the files are what is verified.
        var verify = root.Run("rpm", "-V", "--nodeps", "hello-wsgi");
        verify.StdOut.ShouldBeEmpty(verify.StdErr);
        verify.ExitCode.ShouldBe(0);
        root.RunChecked("sh", "-c", "cd /opt/hello-wsgi/app && /opt/hello-wsgi/venv/bin/python -c 'import greetfast; print(greetfast.greet(\"rpm\"))'")
            .StdOut.ShouldStartWith("hello, rpm (native, crc32=");
    }

    [Test]
    public void No_file_in_the_package_names_the_build_directories()
    {
        using var tmp = new TempDir("rpm-leak");
        var cpio = ToolRunner.RunBytesChecked("rpm2cpio", new[] { _rpm }).StdOut;
        ToolRunner.RunChecked("cpio", new[] { "-idm", "--quiet", "--no-absolute-filenames" }, tmp.Root, stdin: cpio);
        Directory.EnumerateFileSystemEntries(tmp.Root).ShouldNotBeEmpty();
        var hits = ToolRunner.Run("grep", new[] { "-rlF", "-e", _project.Dir, "-e", _project.CacheDir, tmp.Root });
        hits.StdOut.ShouldBeEmpty();
        hits.ExitCode.ShouldBe(1, "grep exits 1 when nothing matches");
        // The header's texts too: scriptlets, changelog, and every string tag rpm can print.
        var scripts = Rpm(_rpm, new[] { "--scripts" });
        scripts.ShouldContain("postinstall scriptlet");
        var changelog = Rpm(_rpm, new[] { "--changelog" });
        changelog.ShouldContain("hello-wsgi");
        var info = Rpm(_rpm, new[] { "--info", "--requires", "--provides" });
        foreach (var text in new[] { scripts, changelog, info })
        {
            text.ShouldNotContain(_project.Dir);
            text.ShouldNotContain(_project.CacheDir);
        }
    }

    [Test]
    public void Both_env_files_are_noreplace_config_files()
    {
        Rpm(_rpm, new[] { "-c" }).ShouldBe("/etc/hello-wsgi/hello-wsgi.env\n/etc/hello-wsgi/settings.env\n");
        Rpm(_rpm, new[] { "--qf", "[%{FILENAMES} %{FILEFLAGS:fflags}\n]" }).Split('\n')
            .Where(l => l.StartsWith("/etc/hello-wsgi/", StringComparison.Ordinal))
            .ShouldBe(new[] { "/etc/hello-wsgi/hello-wsgi.env cn", "/etc/hello-wsgi/settings.env cn" });
    }

    [Test]
    public void Requires_name_the_sonames_the_c_extension_needs()
    {
        var requires = Rpm(_rpm, new[] { "--requires" }).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        requires.ShouldContain("libz.so.1()(64bit)");
        requires.ShouldContain("libc.so.6()(64bit)");
        requires.ShouldContain("/usr/bin/python3.11");
        requires.Where(r => r.StartsWith("libc.so.6(GLIBC_", StringComparison.Ordinal)).ShouldNotBeEmpty();
    }

    [Test]
    public void The_package_owns_its_own_directories_and_no_system_directory()
    {
        // A package that lists /opt, /usr/lib/systemd... would claim directories owned by filesystem / systemd
        // packages: dnf then reports conflicts, and erasing it could try to remove them.
        var owned = Rpm(_rpm, new[] { "--qf", "[%{FILENAMES}\n]" }).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        owned.ShouldContain("/opt/hello-wsgi");
        owned.ShouldContain("/etc/hello-wsgi");
        owned.ShouldContain("/usr/lib/systemd/system/hello-wsgi.service");
        foreach (var system in new[] { "/opt", "/etc", "/usr", "/usr/lib", "/usr/lib/systemd", "/usr/lib/systemd/system", "/usr/share", "/usr/share/doc" })
            owned.ShouldNotContain(system);
    }

    [Test]
    public void Rpmbuild_over_the_staged_tree_with_the_rendered_spec_makes_the_same_package()
    {
        ToolRunner.Require("rpmbuild");
        var render = PkgifyCli.Run(new[] { "render", _project.Dir, "--only", "rpm/spec", "--source-date-epoch", "1700000000", "-q" },
            new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = _project.CacheDir });
        render.ExitCode.ShouldBe(0, render.StdErr);
        var theirs = RpmBuildFixtures.BuildBinaryRpm(render.StdOut, Path.Combine(_project.Root, "rpmbuild-work"), "w6.xzdio",
            new Dictionary<string, string> { ["_pkgify_stage"] = _stage });

        foreach (var query in Queries)
            Rpm(theirs, query).ShouldBe(Rpm(_rpm, query), $"rpm -qp {string.Join(' ', query)}");
        Rpm(_rpm, ["--changelog"]).ShouldBe("* Tue Nov 14 2023 pkgify developers <dev@pkgify.invalid> - 1.0.0-1\n- Package of hello-wsgi 1.0.0, built by pkgify.\n\n");
    }

    private static readonly string[][] Queries =
    {
        new[] { "--qf", "%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SUMMARY}|%{LICENSE}|%{URL}|%{GROUP}|%{PACKAGER}\n" },
        new[] { "--qf", "%{DESCRIPTION}\n" },
        new[] { "--requires" },
        new[] { "--provides" },
        new[] { "--scripts" },
        new[] { "--changelog" },
        new[] { "--qf", "[%{CHANGELOGTIME} %{CHANGELOGNAME}\n]" },
        new[] { "--qf", "[%{FILENAMES} %{FILEMODES:octal} %{FILEUSERNAME} %{FILEGROUPNAME} %{FILEFLAGS:fflags} %{FILESIZES} %{FILEDIGESTS} %{FILELINKTOS}\n]" },
    };

    private static string Rpm(string package, string[] query) =>
        ToolRunner.RunChecked("rpm", new[] { "-qp", "--nosignature" }.Concat(query).Append(package)).StdOut;
}
