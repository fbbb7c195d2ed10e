using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Build;

/// <summary>
/// Issue 4: `pkgify render` prints the control file, spec, maintainer scripts and unit that the packages
/// `pkgify build` writes really carry, as dpkg-deb, rpm, rpmspec, tar and cpio read them out of the packages.
/// </summary>
[NonParallelizable]
public class RenderTests
{
    private const string Unit = "/usr/lib/systemd/system/hello-wsgi.service";
    private HelloWsgiProject _project = null!;
    private string _deb = null!;
    private string _rpm = null!;
    private Dictionary<string, string> _sections = null!;

    [OneTimeSetUp]
    public void BuildAndRender()
    {
        _project = new HelloWsgiProject(18_434);
        var packages = _project.Build(Path.Combine(_project.Root, "out"));
        _deb = packages.Single(p => p.EndsWith(".deb", StringComparison.Ordinal));
        _rpm = packages.Single(p => p.EndsWith(".rpm", StringComparison.Ordinal));
        var render = PkgifyCli.Run(new[] { "render", _project.Dir, "--source-date-epoch", "1700000000", "-q" },
            new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = _project.CacheDir });
        render.ExitCode.ShouldBe(0, render.StdErr);
        _sections = Sections(render.StdOut);
    }

    [OneTimeTearDown]
    public void Cleanup() => _project.Dispose();

    /// <summary>Splits render's "==> NAME &lt;==" output; each section's text is followed by one blank separator line.</summary>
    private static Dictionary<string, string> Sections(string output)
    {
        var sections = new Dictionary<string, string>(StringComparer.Ordinal);
        string? name = null;
        var text = new System.Text.StringBuilder();
        void Flush()
        {
            if (name is null) return;
            text.Length.ShouldBeGreaterThan(0, name);
            sections.Add(name, text.ToString(0, text.Length - 1));
        }
        foreach (var line in output.Split('\n')[..^1])
        {
            if (line.StartsWith("==> ", StringComparison.Ordinal) && line.EndsWith(" <==", StringComparison.Ordinal))
            {
                Flush();
                name = line[4..^4];
                text.Clear();
            }
            else
            {
                name.ShouldNotBeNull($"render's output starts with a section header: {line}");
                text.Append(line).Append('\n');
            }
        }
        Flush();
        return sections;
    }

    [Test]
    public void Render_prints_every_section()
    {
        _sections.Keys.Order(StringComparer.Ordinal).ShouldBe(new[]
        {
            "deb/control", "deb/postinst", "deb/postrm", "deb/preinst", "deb/prerm",
            "rpm/post", "rpm/postun", "rpm/pre", "rpm/preun", "rpm/spec", "systemd/unit",
        });
    }

    [TestCase("control")]
    [TestCase("postinst")]
    [TestCase("prerm")]
    [TestCase("postrm")]
    public void Deb_control_members_equal_the_rendered_ones(string member)
    {
        var packaged = ToolRunner.RunChecked("dpkg-deb", new[] { "-I", _deb, member }).StdOut;
        packaged.ShouldBe(_sections["deb/" + member]);
    }

    [TestCase("rpm/pre", "PREIN")]
    [TestCase("rpm/post", "POSTIN")]
    [TestCase("rpm/preun", "PREUN")]
    [TestCase("rpm/postun", "POSTUN")]
    public void Rpm_scriptlets_equal_the_rendered_ones_and_the_specs(string section, string tag)
    {
        // rpm stores a scriptlet without its trailing white space (as rpmbuild does, build/parseScript.c).
        var rendered = _sections[section].TrimEnd();
        var packaged = RpmQuery($"%{{{tag}}}");
        packaged.ShouldBe(rendered);
        SpecQuery($"%{{{tag}}}").ShouldBe(rendered, "the rendered spec's scriptlet, as rpmspec parses it");
    }

    [Test]
    public void The_rendered_spec_describes_the_written_rpm()
    {
        const string format = "%{NAME}|%{EPOCH}|%{VERSION}|%{RELEASE}|%{ARCH}|%{SUMMARY}|%{LICENSE}|%{URL}|%{PACKAGER}\n%{DESCRIPTION}\n";
        SpecQuery(format).ShouldBe(RpmQuery(format));
        const string requires = "[%{REQUIRENAME}|%{REQUIREFLAGS}|%{REQUIREVERSION}\n]";
        const string provides = "[%{PROVIDENAME}|%{PROVIDEFLAGS}|%{PROVIDEVERSION}\n]";
        Relations(SpecQuery(requires)).ShouldBe(Relations(RpmQuery(requires)));
        Relations(SpecQuery(provides)).ShouldBe(Relations(RpmQuery(provides)));
        SpecQuery("[%{CHANGELOGTIME} %{CHANGELOGNAME}\n%{CHANGELOGTEXT}\n]").ShouldBe(RpmQuery("[%{CHANGELOGTIME} %{CHANGELOGNAME}\n%{CHANGELOGTEXT}\n]"));
    }

    [Test]
    public void The_rendered_unit_is_the_unit_both_packages_install()
    {
        var fromDeb = ToolRunner.RunChecked("sh", new[] { "-c", "dpkg-deb --fsys-tarfile \"$1\" | tar -xOf - \".$2\"", "sh", _deb, Unit }).StdOut;
        var fromRpm = ToolRunner.RunChecked("sh", new[] { "-c", "rpm2cpio \"$1\" | cpio -i --quiet --to-stdout \".$2\"", "sh", _rpm, Unit }).StdOut;
        fromDeb.ShouldBe(_sections["systemd/unit"]);
        fromRpm.ShouldBe(_sections["systemd/unit"]);
    }

    /// <summary>Bit rpmbuild sets on the config(NAME) relations it generates itself (RPMSENSE_CONFIG, rpmds.h).</summary>
    private const int SenseConfig = 1 << 28;

    /// <summary>
    /// name|flags|version lines, compared as a package written by rpmbuild would be: without rpmlib() features
    /// (rpmbuild adds them when it writes the package, not when it parses the spec), and without the CONFIG bit,
    /// which pkgify sets as rpmbuild's own generator does but a spec's Requires: line cannot express.
    /// </summary>
    private static string Relations(string text) => string.Join('\n', text.Split('\n', StringSplitOptions.RemoveEmptyEntries)
        .Where(l => !l.StartsWith("rpmlib(", StringComparison.Ordinal))
        .Select(l => l.Split('|'))
        .Select(f => $"{f[0]}|{int.Parse(f[1], System.Globalization.CultureInfo.InvariantCulture) & ~SenseConfig}|{f[2]}"));

    private string RpmQuery(string format) => ToolRunner.RunChecked("rpm", new[] { "-qp", "--nosignature", "--qf", format, _rpm }).StdOut;

    /// <summary>Queries the binary package header rpmspec builds from the rendered spec (without building it).</summary>
    private string SpecQuery(string format)
    {
        var spec = Path.Combine(_project.Root, "rendered.spec");
        File.WriteAllText(spec, _sections["rpm/spec"]);
        return ToolRunner.RunChecked("rpmspec", new[] { "-q", "--define", $"_pkgify_stage {_project.Root}", "--qf", format, spec }).StdOut;
    }
}
