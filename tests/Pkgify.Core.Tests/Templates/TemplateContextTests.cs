using NUnit.Framework;
using Pkgify.Core.Templates;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>How the context is assembled from the configuration and the build facts.</summary>
public class TemplateContextTests
{
    [Test]
    public void Create_takes_configuration_and_facts()
    {
        var context = TemplateFixtures.Contract();
        context.Paths.ShouldBe(TemplatePaths.For("ledger"));
        context.Paths.VenvBin.ShouldBe("/opt/ledger/venv/bin");
        context.Service.ShouldBe(new TemplateService("ledger", "ledger", "/etc/ledger/ledger.env", "ledger.service") { SecretFiles = context.Service.SecretFiles });
        context.Service.SecretFiles.ShouldBe(["/etc/ledger/ledger.env", "/etc/ledger/local_settings.py"]);
        context.Server.ShouldBe(new TemplateServer("gunicorn", "unix:/run/ledger/ledger.sock", "/run/ledger/ledger.sock", 4, ""));
        context.Wsgi.ShouldBe(new TemplateWsgi("ledger.web", "application", null, null, null));
        context.Nginx!.ProxyPass.ShouldBe("http://unix:/run/ledger/ledger.sock:");
        context.Hooks.PostInstall.ShouldBe("/opt/ledger/venv/bin/python -m ledger.migrate");
        context.LongDescription.ShouldBe("Longer text, several lines.");
        context.Date.ShouldBe(new TemplateDate("Tue, 14 Nov 2023 22:13:20 +0000", "Tue Nov 14 2023", "2023"));
        context.Bundled[2].ShouldBe(new BundledDistribution("psycopg2-binary", "2.9.9", "LGPL with exceptions (see the distribution's metadata)"));
    }

    [Test]
    public void A_script_entry_is_imported_through_a_symlink()
    {
        var context = TemplateFixtures.Contract(
            yaml => yaml.Replace("wsgi: ledger.web:application", "wsgi: bin/wsgi-app:app"),
            project => project.Write("bin/wsgi-app"));
        context.Wsgi.ShouldBe(new TemplateWsgi("wsgi_app", "app", "/opt/ledger/wsgi", "/opt/ledger/wsgi/wsgi_app.py", "/opt/ledger/app/bin/wsgi-app"));
        context.Wsgi!.Target.ShouldBe("wsgi_app:app");
    }

    [TestCase("wsgiapp", "wsgiapp")]
    [TestCase("app.py", "app")]
    [TestCase("2app", "_2app")]
    [TestCase("my-app.wsgi", "my_app_wsgi")]
    public void Module_names_from_script_names(string file, string module) => TemplateContext.ModuleName(file).ShouldBe(module);

    [TestCase("0.0.0.0:8000", "http://127.0.0.1:8000")]
    [TestCase("'[::]:8000'", "http://[::1]:8000")]
    [TestCase("app.internal:9000", "http://app.internal:9000")]
    public void Nginx_proxies_wildcard_binds_through_loopback(string bind, string proxyPass)
    {
        TemplateFixtures.Contract(yaml => yaml.Replace("bind: unix:/run/ledger/ledger.sock", $"bind: {bind}"))
            .Nginx!.ProxyPass.ShouldBe(proxyPass);
    }
}
