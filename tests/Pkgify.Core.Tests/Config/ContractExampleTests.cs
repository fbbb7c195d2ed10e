using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Config;

/// <summary>The contract's pkgify.yaml example, copied verbatim, loads with every value as written.</summary>
public class ContractExampleTests
{
    internal const string ContractYaml = """
name: ledger                      # valid as a Debian and an RPM package name
version: 1.4.2                    # PEP 440 allowed: 1.4.2rc1 becomes 1.4.2~rc1
release: 1
summary: Ledger web service
description: |
  Longer text, several lines.
maintainer: Ops Team <ops@example.com>
license: MIT
homepage: https://example.com/ledger
python: /usr/bin/python3.11       # builds the virtualenv; must exist at this path on targets
requirements: requirements.txt    # every line pinned with ==, or the build stops
wheelhouse: wheels/               # optional: pip --no-index --find-links
index_url: https://pypi.internal/simple   # optional
app:
  source: .                       # installed at /opt/<name>/app
  exclude: [".git", "dist", "**/__pycache__"]
wsgi: ledger.web:application      # module:callable
server:
  kind: gunicorn                  # gunicorn | uwsgi | command
  bind: unix:/run/ledger/ledger.sock
  workers: 4
  command: ""                     # for kind: command
service:
  user: ledger                    # system user, created on install
  environment_file: /etc/ledger/ledger.env
external_dependencies: external-dependencies.txt
depends: { deb: [], rpm: [] }     # extra relations, per family
mappings: {}                      # extra external-name -> {deb: ..., rpm: ...}
config:                           # conffiles / %config(noreplace): kept on upgrade
  - source: deploy/local_settings.py
    dest: /etc/ledger/local_settings.py
    mode: "0640"
hooks:
  post_install: /opt/ledger/venv/bin/python -m ledger.migrate
nginx:
  server_name: ledger.example.com # optional: an nginx site snippet
templates: packaging/templates/   # optional: overrides of the built-in templates
""";

    /// <summary>Creates the files the example names, so that it loads.</summary>
    internal static TempProject ContractProject()
    {
        var project = new TempProject("ledger");
        project.Write("pkgify.yaml", ContractYaml);
        project.Write("requirements.txt", "flask==3.0.0\n");
        project.Mkdir("wheels");
        project.Write("external-dependencies.txt", "libpq (>=9.0)\n");
        project.Write("deploy/local_settings.py", "DEBUG = False\n");
        project.Mkdir("packaging/templates");
        return project;
    }

    internal static PyProjectInfo? NoPyProject(string python) =>
        throw new AssertionException($"pyproject.toml must not be read (asked with {python})");

    [Test]
    public void Every_value_of_the_contract_example_is_loaded()
    {
        using var project = ContractProject();
        var config = ConfigLoader.Load(project.Dir, NoPyProject);

        config.ProjectDir.ShouldBe(project.Dir);
        config.ConfigFile.ShouldBe(project.YamlPath);
        config.Name.ShouldBe("ledger");
        config.Version.ShouldBe("1.4.2");
        config.Release.ShouldBe("1");
        config.Summary.ShouldBe("Ledger web service");
        config.Description.ShouldBe("Longer text, several lines.");
        config.Maintainer.ShouldBe("Ops Team <ops@example.com>");
        config.License.ShouldBe("MIT");
        config.Homepage.ShouldBe("https://example.com/ledger");
        config.Python.ShouldBe("/usr/bin/python3.11");
        config.Requirements.ShouldBe(Path.Combine(project.Dir, "requirements.txt"));
        config.Wheelhouse.ShouldBe(Path.Combine(project.Dir, "wheels"));
        config.IndexUrl.ShouldBe("https://pypi.internal/simple");
        config.App.Source.ShouldBe(project.Dir);
        config.App.Exclude.ShouldBe([".git", "dist", "**/__pycache__"]);
        config.Wsgi.ShouldBe(new WsgiEntry("ledger.web", null, "application"));
        config.Server.Kind.ShouldBe(ServerKind.Gunicorn);
        config.Server.Bind.ShouldBe(new BindAddress("/run/ledger/ledger.sock", null, 0));
        config.Server.Workers.ShouldBe(4);
        config.Server.Command.ShouldBe("");
        config.Service.User.ShouldBe("ledger");
        config.Service.Group.ShouldBe("ledger");
        config.Service.EnvironmentFile.ShouldBe("/etc/ledger/ledger.env");
        config.ExternalDependencies.ShouldBe(Path.Combine(project.Dir, "external-dependencies.txt"));
        config.Depends.Deb.ShouldBeEmpty();
        config.Depends.Rpm.ShouldBeEmpty();
        config.Mappings.ShouldBeEmpty();
        config.Config.Count.ShouldBe(1);
        config.Config[0].Source.ShouldBe(Path.Combine(project.Dir, "deploy/local_settings.py"));
        config.Config[0].Dest.ShouldBe("/etc/ledger/local_settings.py");
        config.Config[0].ModeOctal.ShouldBe("0640");
        config.Hooks.PostInstall.ShouldBe("/opt/ledger/venv/bin/python -m ledger.migrate");
        config.Nginx!.ServerNames.ShouldBe(["ledger.example.com"]);
        config.Templates.ShouldBe(Path.Combine(project.Dir, "packaging/templates"));
    }

    [Test]
    public void Origins_name_the_line_and_column_of_each_value()
    {
        using var project = ContractProject();
        var config = ConfigLoader.Load(project.Dir, NoPyProject);
        var file = project.YamlPath;

        config.Origins.Of("name").ShouldBe($"{file}:1:7");
        config.Origins.Of("server.workers").ShouldBe($"{file}:21:12");
        config.Origins.Of("config[0].dest").ShouldBe($"{file}:31:11");
        config.Origins.Describe("server.bind").ShouldBe($"{file}:20:9: server.bind");
        config.Origins.Describe("service.group").ShouldBe("service.group (default)");
    }
}
