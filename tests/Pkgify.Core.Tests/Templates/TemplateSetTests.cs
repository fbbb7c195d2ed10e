using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>Built-in templates, project overrides, strict mode and the errors a template author can meet.</summary>
public class TemplateSetTests
{
    private static readonly string[] Expected =
    [
        "deb/control", "deb/postinst", "deb/postrm", "deb/preinst", "deb/prerm", "doc/changelog", "doc/copyright",
        "env/environment", "lintian/overrides", "nginx/site", "rpm/post", "rpm/postun", "rpm/pre", "rpm/preun",
        "rpm/spec", "systemd/unit",
    ];

    [Test]
    public void The_built_in_templates_are_embedded()
    {
        TemplateSet.BuiltInNames.ShouldBe(Expected);
        var set = TemplateSet.Load(null);
        set.Names.ShouldBe(Expected);
        set.Text(TemplateNames.DebPostinst).ShouldStartWith("#!/bin/sh\n");
        set.IsOverridden(TemplateNames.DebPostinst).ShouldBeFalse();
    }

    [Test]
    public void A_file_of_the_same_name_overrides_a_template()
    {
        using var project = new TempProject();
        var file = project.Write("templates/systemd/unit", "[Service]\nUser={{systemd service.user}}\n");
        project.Write("templates/.gitkeep");
        project.Write("templates/.git/config", "ignored");
        var set = TemplateSet.Load(Path.Combine(project.Dir, "templates"));

        set.IsOverridden(TemplateNames.SystemdUnit).ShouldBeTrue();
        set.Source(TemplateNames.SystemdUnit).ShouldBe(file);
        set.IsOverridden(TemplateNames.DebControl).ShouldBeFalse();
        new TemplateRenderer(set).Render(TemplateNames.SystemdUnit, TemplateFixtures.Contract()).ShouldBe("[Service]\nUser=ledger\n");
    }

    [Test]
    public void An_unknown_override_file_is_an_error_listing_the_valid_names()
    {
        using var project = new TempProject();
        var file = project.Write("templates/deb/postinstall");
        Should.Throw<UsageException>(() => TemplateSet.Load(Path.Combine(project.Dir, "templates"))).Message
            .ShouldBe($"{file}: 'deb/postinstall' is not a template pkgify knows, so it would be ignored; rename it to one of: {string.Join(", ", Expected)}");
    }

    [Test]
    public void A_syntax_error_in_an_override_names_the_file()
    {
        using var project = new TempProject();
        var file = project.Write("templates/deb/control", "Package: {{#if name}}x\n");
        Should.Throw<UsageException>(() => new TemplateRenderer(TemplateSet.Load(Path.Combine(project.Dir, "templates")))).Message
            .ShouldStartWith($"template deb/control ({file}): syntax error: ");
    }

    [Test]
    public void A_missing_variable_is_an_error_not_an_empty_string()
    {
        using var project = new TempProject();
        var file = project.Write("templates/env/environment", "X={{sh servce.user}}\n");
        var renderer = new TemplateRenderer(TemplateSet.Load(Path.Combine(project.Dir, "templates")));
        Should.Throw<UsageException>(() => renderer.Render(TemplateNames.Environment, TemplateFixtures.Contract())).Message
            .ShouldStartWith($"template env/environment ({file}): unknown variable 'servce.user'; the variables are: name, version, deb_version, ");
    }

    [Test]
    public void An_unset_optional_value_must_be_guarded()
    {
        using var project = new TempProject();
        project.Write("templates/env/environment", "H={{sh homepage}}\n");
        var renderer = new TemplateRenderer(TemplateSet.Load(Path.Combine(project.Dir, "templates")));
        Should.Throw<UsageException>(() => renderer.Render(TemplateNames.Environment, TemplateFixtures.Contract() with { Homepage = null })).Message
            .ShouldContain("helper 'sh' got a value that is not set; guard it with {{#if ...}}");
    }

    [Test]
    public void A_value_a_syntax_cannot_hold_is_refused_naming_its_key()
    {
        var context = TemplateFixtures.Contract() with { Summary = "two\nlines" };
        Should.Throw<UsageException>(() => TemplateFixtures.BuiltIn().Render(TemplateNames.DebControl, context)).Message
            .ShouldBe("template deb/control: summary (\"two\\nlines\") contains a line break or control character, which a one-line control field cannot hold; change it in pkgify.yaml (or the template)");
        Should.Throw<UsageException>(() => TemplateFixtures.BuiltIn().Render(TemplateNames.RpmSpec, context)).Message
            .ShouldStartWith("template rpm/spec: summary (\"two\\nlines\") contains a line break");
        Should.Throw<UsageException>(() => TemplateFixtures.BuiltIn().Render(TemplateNames.SystemdUnit, context)).Message
            .ShouldStartWith("template systemd/unit: summary (\"two\\nlines\") contains a line break");
    }

    /// <summary>Matches a mustache that outputs something: not a block, else, closing tag or comment.</summary>
    private static readonly System.Text.RegularExpressions.Regex Output = new(@"\{\{(?![#/!]|else\}\})\{?\s*([^\s}]+)");

    [Test]
    public void The_output_pattern_finds_bare_values()
    {
        Output.Matches("{{name}} {{sh x}} {{#if a}}{{/if}} {{else}} {{!c}} {{{raw}}} {{ spaced }}")
            .Select(m => m.Groups[1].Value).ShouldBe(["name", "sh", "raw", "spaced"]);
    }

    [TestCaseSource(typeof(ApprovedTemplateTests), nameof(ApprovedTemplateTests.AllTemplates))]
    public void Every_output_of_a_built_in_template_goes_through_an_escaping_helper(string template)
    {
        var text = TemplateSet.Load(null).Text(template);
        var escapers = TemplateHelpers.EscaperNames.ToHashSet();
        foreach (System.Text.RegularExpressions.Match match in Output.Matches(text))
            escapers.ShouldContain(match.Groups[1].Value, $"{template}: {match.Value}");
    }
}
