using NUnit.Framework;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>
/// A .deb laid out as pkgify lays it out, with every rendered Debian file and a real virtualenv, is
/// free of lintian errors and warnings: the overrides cover what a bundled virtualenv raises, and the
/// copyright, changelog, unit and scripts raise nothing themselves.
/// </summary>
public class LintianTests
{
    private static readonly UnixFileMode Executable = (UnixFileMode)Convert.ToInt32("755", 8);

    [Test]
    public void Rendered_files_and_a_virtualenv_pass_lintian()
    {
        // A synopsis starting with the package name is lintian's description-starts-with-package-name:
        // the contract example's own wording, not something the templates can fix.
        var context = TemplateFixtures.Contract() with { Summary = "Web service keeping the books", DebDepends = ["python3.11"] };
        var renderer = TemplateFixtures.BuiltIn();
        using var temp = new TempProject();
        var tree = Path.Combine(temp.Root, "tree");
        void Render(string template, string path, UnixFileMode? mode = null) =>
            RenderedFiles.Write(renderer, template, context, Path.Combine(tree, path), mode);

        Render(TemplateNames.DebControl, "DEBIAN/control");
        // deb/preinst is a documented no-op unless a project overrides it, and lintian rightly calls
        // an empty script pointless (maintainer-script-empty): it is shipped only when overridden.
        foreach (var script in new[] { "postinst", "prerm", "postrm" }) Render("deb/" + script, "DEBIAN/" + script, Executable);
        File.WriteAllText(Path.Combine(tree, "DEBIAN/conffiles"), "/etc/ledger/ledger.env\n/etc/nginx/sites-available/ledger\n");
        Render(TemplateNames.SystemdUnit, "lib/systemd/system/ledger.service");
        Render(TemplateNames.Environment, "etc/ledger/ledger.env");
        Render(TemplateNames.NginxSite, "etc/nginx/sites-available/ledger");
        Render(TemplateNames.Copyright, "usr/share/doc/ledger/copyright");
        Render(TemplateNames.Changelog, "usr/share/doc/ledger/changelog.Debian");
        ToolRunner.Check("gzip", "-9n", Path.Combine(tree, "usr/share/doc/ledger/changelog.Debian"));
        Render(TemplateNames.LintianOverrides, "usr/share/lintian/overrides/ledger");
        Directory.CreateDirectory(Path.Combine(tree, "opt/ledger/app/ledger"));
        File.WriteAllText(Path.Combine(tree, "opt/ledger/app/ledger/__init__.py"), "application = None\n");
        ToolRunner.Check("/usr/bin/python3", "-m", "venv", Path.Combine(tree, "opt/ledger/venv"));
        var deb = Path.Combine(temp.Root, "ledger.deb");
        ToolRunner.Check("dpkg-deb", "--root-owner-group", "-b", tree, deb);

        // --show-overrides prints each overridden tag as "O:": proof that lintian analysed this package and
        // used our overrides, so an empty list of problems below cannot come from a run that checked nothing;
        // with --fail-on none, a non-zero exit is lintian's own failure (lintian(1), EXIT STATUS).
        var lintian = ToolRunner.Run("lintian", ["--allow-root", "-EvIL", "+pedantic", "--show-overrides", "--fail-on", "none", deb]);
        lintian.ExitCode.ShouldBe(0, lintian.ToString());
        lintian.Stdout.ShouldContain("O: ledger: ", customMessage: lintian.ToString());
        var problems = lintian.Stdout.Split('\n').Where(line => line.StartsWith("E: ") || line.StartsWith("W: ")).ToList();
        problems.ShouldBeEmpty(lintian.ToString());
        lintian.Stdout.ShouldNotContain("unused-override");
    }
}
