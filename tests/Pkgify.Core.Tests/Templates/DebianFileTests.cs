using NUnit.Framework;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>
/// The control stanza and maintainer scripts pack with dpkg-deb (which validates the name, version,
/// architecture, fields and script modes) and read back field by field; the changelog parses with
/// dpkg-parsechangelog.
/// </summary>
public class DebianFileTests
{
    private static readonly UnixFileMode Executable = (UnixFileMode)Convert.ToInt32("755", 8);

    /// <summary>Builds a .deb from DEBIAN/ made of the rendered control and scripts, plus one payload file.</summary>
    internal static string PackDeb(TempProject temp, TemplateContext context)
    {
        var renderer = TemplateFixtures.BuiltIn();
        var tree = Path.Combine(temp.Root, "tree");
        RenderedFiles.Write(renderer, TemplateNames.DebControl, context, Path.Combine(tree, "DEBIAN/control"));
        foreach (var script in new[] { "preinst", "postinst", "prerm", "postrm" })
            RenderedFiles.Write(renderer, "deb/" + script, context, Path.Combine(tree, "DEBIAN", script), Executable);
        Directory.CreateDirectory(Path.Combine(tree, "opt/ledger/app"));
        File.WriteAllText(Path.Combine(tree, "opt/ledger/app/ledger.py"), "");
        var deb = Path.Combine(temp.Root, "ledger.deb");
        var build = ToolRunner.Run("dpkg-deb", ["--root-owner-group", "-b", tree, deb]);
        build.ExitCode.ShouldBe(0, build.ToString());
        build.Stderr.ShouldBe("");
        return deb;
    }

    [Test]
    public void Control_packs_with_dpkg_deb_and_reads_back()
    {
        using var temp = new TempProject();
        var deb = PackDeb(temp, TemplateFixtures.Contract());

        ToolRunner.Check("dpkg-deb", "-f", deb).Stdout.ShouldBe("""
            Package: ledger
            Version: 1.4.2-1
            Architecture: amd64
            Maintainer: Ops Team <ops@example.com>
            Installed-Size: 48213
            Depends: python3.11, libpq5 (>= 15)
            Section: web
            Priority: optional
            Homepage: https://example.com/ledger
            Description: Ledger web service
             Longer text, several lines.

            """);
        ToolRunner.Check("dpkg-deb", "-f", deb, "Description").Stdout.ShouldBe("Ledger web service\n Longer text, several lines.\n");
    }

    [Test]
    public void A_multi_paragraph_description_folds_per_policy()
    {
        var context = TemplateFixtures.Contract() with { Description = "First paragraph.\n\n  verbatim line\n\tTabbed.\nPackage: not-a-field\n\n" };
        using var temp = new TempProject();
        var deb = PackDeb(temp, context);

        ToolRunner.Check("dpkg-deb", "-f", deb, "Package").Stdout.ShouldBe("ledger\n");
        ToolRunner.Check("dpkg-deb", "-f", deb, "Description").Stdout
            .ShouldBe("Ledger web service\n First paragraph.\n .\n   verbatim line\n \tTabbed.\n Package: not-a-field\n");
    }

    [Test]
    public void Changelog_parses_with_dpkg_parsechangelog()
    {
        using var temp = new TempProject();
        var changelog = RenderedFiles.Write(TemplateFixtures.BuiltIn(), TemplateNames.Changelog, TemplateFixtures.Contract(), Path.Combine(temp.Dir, "changelog"));

        var parsed = ToolRunner.Run("dpkg-parsechangelog", ["-l", changelog]);
        parsed.Stderr.ShouldBe("");
        parsed.Stdout.ShouldBe("""
            Source: ledger
            Version: 1.4.2-1
            Distribution: unstable
            Urgency: medium
            Maintainer: Ops Team <ops@example.com>
            Timestamp: 1700000000
            Date: Tue, 14 Nov 2023 22:13:20 +0000
            Changes:
             ledger (1.4.2-1) unstable; urgency=medium
             .
               * Package of ledger 1.4.2, built by pkgify.

            """);
    }

    [Test]
    public void Changelog_date_follows_source_date_epoch()
    {
        TemplateDate.FromEpoch(0).ShouldBe(new TemplateDate("Thu, 01 Jan 1970 00:00:00 +0000", "Thu Jan 01 1970", "1970"));
        TemplateDate.FromEpoch(4_102_444_799).Rfc2822.ShouldBe("Thu, 31 Dec 2099 23:59:59 +0000");
    }
}
