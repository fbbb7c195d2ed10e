using NUnit.Framework;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>Every rendered maintainer script and scriptlet parses in sh and bash and is clean under shellcheck.</summary>
public class ShellScriptTests
{
    public static IEnumerable<TestCaseData> Scripts() =>
        from template in TemplateNames.ShellScripts
        from variant in new[] { "contract", "no-hook" }
        select new TestCaseData(template, variant).SetArgDisplayNames(template, variant);

    private static TemplateContext Context(string variant) =>
        variant == "contract" ? TemplateFixtures.Contract() : TemplateFixtures.Contract() with { Hooks = new TemplateHooks(null) };

    [TestCaseSource(nameof(Scripts))]
    public void Parses_and_passes_shellcheck(string template, string variant)
    {
        using var temp = new TempProject();
        var script = RenderedFiles.Write(TemplateFixtures.BuiltIn(), template, Context(variant), Path.Combine(temp.Dir, "script"));

        ToolRunner.Run("sh", ["-n", script]).ShouldBe(new ToolResult(0, "", ""));
        ToolRunner.Run("bash", ["-n", script]).ShouldBe(new ToolResult(0, "", ""));
        // -s sh: check as POSIX sh (dpkg and rpm run these with /bin/sh); all severities, style included.
        ToolRunner.Run("shellcheck", ["-s", "sh", "-S", "style", script]).ShouldBe(new ToolResult(0, "", ""));
    }

    [TestCaseSource(nameof(Scripts))]
    public void Starts_with_a_shebang_and_the_deb_ones_set_e(string template, string variant)
    {
        var text = TemplateFixtures.BuiltIn().Render(template, Context(variant));
        text.ShouldStartWith("#!/bin/sh\n");
        // Debian Policy §10.4: maintainer scripts use set -e. The RPM removal scriptlets must not
        // (a failing %preun/%postun leaves the package registered), and say so.
        if (template.StartsWith("deb/") || template is TemplateNames.RpmPre or TemplateNames.RpmPost)
            text.ShouldContain("\nset -e\n");
        else
            text.ShouldContain("No \"set -e\"");
    }
}
