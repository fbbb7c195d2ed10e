using NUnit.Framework;
using Pkgify.Core.Templates;
using Pkgify.TestSupport;

namespace Pkgify.Core.Tests.Templates;

/// <summary>Every built-in template rendered with the contract's example, compared with committed text.</summary>
public class ApprovedTemplateTests
{
    public static IEnumerable<string> AllTemplates => TemplateSet.BuiltInNames;

    private static string FileName(string template, string variant = "") => template.Replace('/', '-') + variant;

    [TestCaseSource(nameof(AllTemplates))]
    public void Contract_example(string template)
    {
        ApprovedText.Verify(FileName(template), TemplateFixtures.BuiltIn().Render(template, TemplateFixtures.Contract()));
    }

    [TestCase("uwsgi", "server:\n  kind: uwsgi\n  bind: 127.0.0.1:8000\n  workers: 3\n")]
    [TestCase("command", "server:\n  kind: command\n  bind: 0.0.0.0:8080\n  command: \"celery -A ledger worker --loglevel=info --logfile=%n.log\"\n")]
    public void Server_kinds(string variant, string server)
    {
        var context = TemplateFixtures.Contract(yaml => ReplaceServer(yaml, server).Replace("wsgi: ledger.web:application", variant == "command" ? "" : "wsgi: ledger.web:application"));
        var renderer = TemplateFixtures.BuiltIn();
        ApprovedText.Verify(FileName(TemplateNames.SystemdUnit, "-" + variant), renderer.Render(TemplateNames.SystemdUnit, context));
        ApprovedText.Verify(FileName(TemplateNames.NginxSite, "-" + variant), renderer.Render(TemplateNames.NginxSite, context));
    }

    [Test]
    public void Deployment_standard_script_entry()
    {
        var context = TemplateFixtures.Contract(
            yaml => yaml.Replace("wsgi: ledger.web:application", "wsgi: bin/wsgiapp:application"),
            project => project.Write("bin/wsgiapp", "application = None\n"));
        ApprovedText.Verify(FileName(TemplateNames.SystemdUnit, "-script"), TemplateFixtures.BuiltIn().Render(TemplateNames.SystemdUnit, context));
    }

    [Test]
    public void Minimal_project_without_hook_homepage_or_depends()
    {
        var context = TemplateFixtures.Contract(yaml => yaml
            .Replace("hooks:\n  post_install: /opt/ledger/venv/bin/python -m ledger.migrate\n", "")
            .Replace("homepage: https://example.com/ledger\n", "")
            .Replace("description: |\n  Longer text, several lines.\n", ""), epoch: 2) with { DebDepends = [], RpmRequires = [] };
        var renderer = TemplateFixtures.BuiltIn();
        foreach (var template in new[] { TemplateNames.DebPostinst, TemplateNames.RpmPost, TemplateNames.DebControl, TemplateNames.RpmSpec })
            ApprovedText.Verify(FileName(template, "-minimal"), renderer.Render(template, context));
    }

    internal static string ReplaceServer(string yaml, string server)
    {
        var start = yaml.IndexOf("server:\n", StringComparison.Ordinal);
        var end = yaml.IndexOf("service:\n", StringComparison.Ordinal);
        return yaml[..start] + server + yaml[end..];
    }
}
