using NUnit.Framework;
using Pkgify.Cli.Help;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Packaging;

/// <summary>
/// Issue 9: `make package` builds pkgify's own .deb and .rpm with pkgify. The .deb installs with apt on a clean
/// Debian 12 root, where `pkgify --version` runs and `pkgify build` builds the example; the .rpm passes
/// rpmkeys -K once signed, rpmlint (allowlist) and installs with rpm --root.
/// </summary>
public class SelfPackagingTests
{
    private const string Epoch = "1700000000";
    private TempDir _tmp = null!;
    private string _deb = "", _rpm = "";

    [OneTimeSetUp]
    public void MakePackage()
    {
        _tmp = new TempDir("self-package");
        var dist = _tmp.Path("dist");
        ToolRunner.RunChecked("make", ["-C", RepoRoot.Path, "package", $"DIST={dist}"],
            env: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch }, timeout: TimeSpan.FromMinutes(30));
        _deb = Directory.GetFiles(dist, "pkgify_*_amd64.deb").Single();
        _rpm = Directory.GetFiles(dist, "pkgify-*.x86_64.rpm").Single();
    }

    [OneTimeTearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void The_deb_installs_with_apt_on_a_clean_root_and_builds_the_example_there()
    {
        using var root = DebianRoot.GetOrCreate();
        root.MountProc();
        File.Copy(_deb, root.HostPath("/tmp/pkgify.deb"));
        root.AptInstall("/tmp/pkgify.deb");

        root.RunChecked("pkgify", "--version").StdOut.ShouldStartWith("pkgify 0.1.0");
        root.RunChecked("readlink", "/usr/bin/pkgify").StdOut.Trim().ShouldBe("/opt/pkgify/pkgify");
        root.RunChecked("test", "-s", "/usr/share/man/man1/pkgify.1.gz");
        root.RunChecked("test", "-s", "/usr/share/doc/pkgify/templates/systemd/unit");

        // The build needs the interpreter the example names, with its venv module (Debian splits it out).
        root.AptInstall("python3.11", "python3.11-venv");
        using var project = new HelloWsgiProject(port: 18932, directoryName: "hello-wsgi");
        ToolRunner.RunChecked("cp", ["-a", project.Dir, root.HostPath("/tmp/hello-wsgi")]);
        root.RunChecked(["pkgify", "build", "/tmp/hello-wsgi", "-o", "/tmp/out", "--compression", "gzip"],
            new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch, ["PKGIFY_CACHE_DIR"] = "/tmp/cache" },
            timeout: TimeSpan.FromMinutes(20));

        var built = Directory.GetFiles(root.HostPath("/tmp/out")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToList();
        built.ShouldBe(["hello-wsgi-1.0.0-1.x86_64.rpm", "hello-wsgi_1.0.0-1_amd64.deb"]);
        ToolRunner.RunChecked("dpkg-deb", ["--field", root.HostPath("/tmp/out/hello-wsgi_1.0.0-1_amd64.deb"), "Package"]).StdOut.Trim()
            .ShouldBe("hello-wsgi");
    }

    [Test]
    public void Bash_completion_offers_commands_and_each_commands_options()
    {
        using var root = DebianRoot.GetOrCreate();
        root.MountProc();
        File.Copy(_deb, root.HostPath("/tmp/pkgify.deb"));
        root.AptInstall("/tmp/pkgify.deb");

        // What bash does on TAB: COMP_WORDS holds the words so far (the last one is being completed).
        const string Script = ". /usr/share/bash-completion/completions/pkgify; COMP_WORDS=(\"$@\"); " +
            "COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); _pkgify; printf '%s\\n' \"${COMPREPLY[@]}\"";
        string Complete(params string[] words) => root.RunChecked(["bash", "-c", Script, "bash", .. words], env: null).StdOut;

        Complete("pkgify", "").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .ShouldBe(Verbs.Visible.Select(v => v.Name).Concat(["--help", "--version"]), ignoreOrder: true);
        Complete("pkgify", "build", "--comp").Trim().ShouldBe("--compression");
        Complete("pkgify", "repo", "apt", "--di").Trim().ShouldBe("--dist");
        Complete("pkgify", "repo", "").Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldBe(["apt", "yum"]);
        Complete("pkgify", "build", "--compression", "z").Trim().ShouldBe("zstd");
    }

    [Test]
    public void The_rpm_verifies_with_rpmkeys_passes_rpmlint_and_installs_with_rpm_root()
    {
        using var key = GpgTestKeys.Create(GpgTestKeyKind.Rsa3072);
        var signed = _tmp.Path("signed.rpm");
        File.Copy(_rpm, signed, overwrite: true);
        var sign = PkgifyCli.Run(["sign", signed, "--sign-key", key.SecretKeyPath], new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = Epoch });
        sign.ExitCode.ShouldBe(0, sign.StdErr);

        var keyring = new RpmScratchRoot(_tmp.Path("keyring"));
        ToolRunner.RunChecked("rpmkeys", ["--root", keyring.Root, "--import", key.PublicKeyArmoredPath]);
        ToolRunner.RunChecked("rpmkeys", ["--root", keyring.Root, "-K", signed]).StdOut.ShouldEndWith(": digests signatures OK\n");

        var (errors, lint) = Rpmlint.Errors(_rpm);
        errors.ShouldBeEmpty($"rpmlint output:\n{lint.StdOut}{lint.StdErr}");

        // A Debian root gives the runtime its libraries; its rpm database knows no package providing them,
        // hence --nodeps. rpm -V then checks every installed file against the header.
        using var debian = DebianRoot.GetOrCreate();
        debian.MountProc(); // the .NET runtime reads /proc at start
        var rpmRoot = new RpmScratchRoot(debian.Root);
        rpmRoot.RunChecked("-i", "--nodeps", _rpm);
        rpmRoot.RunChecked("-V", "--nodeps", "pkgify");
        debian.RunChecked("/usr/bin/pkgify", "--version").StdOut.ShouldStartWith("pkgify 0.1.0");
        rpmRoot.RunChecked("-e", "pkgify");
        File.Exists(debian.HostPath("/opt/pkgify/pkgify")).ShouldBeFalse();
    }

    [Test]
    public void The_man_page_renders_without_warnings_and_describes_every_command_and_option()
    {
        var page = Path.Combine(RepoRoot.Path, "packaging", "pkgify.1");
        var render = ToolRunner.Run("man", ["--warnings", "-l", page], env: new Dictionary<string, string> { ["MANWIDTH"] = "80" });
        render.ExitCode.ShouldBe(0, render.StdErr);
        render.StdErr.ShouldBeEmpty();
        // The source, with troff's escaped hyphens as typed: the rendered text may break a long option at a hyphen.
        var text = File.ReadAllText(page).Replace("\\-", "-");
        foreach (var verb in Verbs.All)
        {
            text.ShouldContain(UsageText.DisplayName(verb), customMessage: "command");
            foreach (var option in OptionDoc.For(verb.OptionsType).Where(o => o.LongName is not null))
                text.ShouldContain("--" + option.LongName, customMessage: $"{UsageText.DisplayName(verb)} --{option.LongName}");
        }
    }
}
