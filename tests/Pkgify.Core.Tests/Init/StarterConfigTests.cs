using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Init;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Init;

/// <summary>
/// <c>pkgify init</c>'s file loads with the real configuration loader and sets what the project has;
/// the interpreter is this host's python3.11 (the one the build tests use).
/// </summary>
public class StarterConfigTests
{
    private const string Python = "/usr/bin/python3.11";

    private static ProjectConfig Load(TempProject p) =>
        ConfigLoader.Load(p.Dir, python => PyProjectReader.Read(python, Path.Combine(p.Dir, "pyproject.toml")));

    private static InitResult Init(TempProject p, bool force = false, string? name = null) =>
        ProjectInitializer.Init(new InitRequest(p.Dir, force, Python, name));

    [Test]
    public void Flask_project_with_pyproject_leaves_identity_to_pyproject()
    {
        using var p = new TempProject("checkout");
        p.Write("pyproject.toml", """
            [project]
            name = "Ledger_Web"
            version = "1.4.2rc1"
            description = "Ledger: web service"
            license = "MIT"
            """);
        p.Write("requirements.txt", "flask==3.0.0\ngunicorn==23.0.0\n");
        p.Write("ledger/__init__.py", "from flask import Flask\napp = Flask(__name__)\n");
        p.Write("external-dependencies.txt", "libpq (>=9.0)\n");
        p.Mkdir("wheelhouse");
        p.Mkdir(".venv");
        p.Write(".venv/pyvenv.cfg", "home = /usr/bin\n");

        var result = Init(p);
        var config = Load(p);

        result.Survey.Warnings.ShouldBeEmpty();
        result.Text.ShouldContain("# name: ledger-web");
        result.Text.ShouldContain("# version: 1.4.2rc1");
        config.Name.ShouldBe("ledger-web");
        config.Version.ShouldBe("1.4.2rc1");
        config.Summary.ShouldBe("Ledger: web service");
        config.Python.ShouldBe(Python);
        config.Wsgi.ShouldBe(new WsgiEntry("ledger", null, "app"));
        config.Server.Kind.ShouldBe(ServerKind.Gunicorn);
        config.Wheelhouse.ShouldBe(Path.Combine(p.Dir, "wheelhouse"));
        config.ExternalDependencies.ShouldBe(Path.Combine(p.Dir, "external-dependencies.txt"));
        config.App.Exclude.ShouldBe([".git", "dist", "**/__pycache__", "pkgify.yaml", "wheelhouse", ".venv"]);
    }

    [Test]
    public void Deployment_standard_layout_gets_its_script_and_dependencies_txt()
    {
        using var p = new TempProject("blog");
        p.Write("dependencies.txt", "uWSGI==2.0.24\n");
        p.Write("bin/wsgiapp", "from blog import application\n");
        p.Write("blog/__init__.py", "__version__ = \"2.3.1\"\napplication = object()\n");

        var result = Init(p);
        var config = Load(p);

        config.Name.ShouldBe("blog");
        config.Version.ShouldBe("2.3.1");
        config.Wsgi.ShouldBe(new WsgiEntry(null, "bin/wsgiapp", "application"));
        config.Server.Kind.ShouldBe(ServerKind.Uwsgi);
        config.Requirements.ShouldBe(Path.Combine(p.Dir, "dependencies.txt"));
        result.Text.ShouldContain("# wsgi: \"blog:application\"");
    }

    [Test]
    public void Every_configuration_key_appears_set_or_as_an_example()
    {
        using var p = new TempProject("tiny");
        p.Write("requirements.txt", "gunicorn==23.0.0\n");
        p.Write("tiny.py", "def application(environ, start_response):\n    pass\n");
        var text = Init(p).Text;
        foreach (var key in ConfigKeys.Root)
            text.ShouldMatch($"(?m)^(# )?{key}:", $"key {key}");
        foreach (var (section, keys) in ConfigKeys.Sections.Where(s => s.Section is "app" or "server" or "service" or "hooks" or "nginx"))
            foreach (var key in keys)
                text.ShouldMatch($"(?m)^ *(# )? *{key}:", $"key {section}.{key}");
    }

    [Test]
    public void Problems_are_warnings_and_the_file_still_loads()
    {
        using var p = new TempProject("shop");
        p.Write("requirements.txt", "flask>=2\n");
        p.Write("shop.py", "app = Flask(__name__)\n");

        var result = Init(p);

        result.Survey.Warnings.ShouldContain(w => w.Contains("requirements.txt:1") && w.Contains("flask>=2"));
        result.Survey.Warnings.ShouldContain(w => w.Contains("gunicorn is not in requirements.txt"));
        Load(p).Wsgi.ShouldBe(new WsgiEntry("shop", null, "app"));
    }

    [Test]
    public void An_existing_file_is_never_overwritten_without_force()
    {
        using var p = new TempProject("keep");
        p.Write("requirements.txt", "gunicorn==23.0.0\n");
        p.Write("pkgify.yaml", "name: mine\n");

        var e = Should.Throw<UsageException>(() => Init(p));

        e.Message.ShouldContain("--force");
        File.ReadAllText(p.YamlPath).ShouldBe("name: mine\n");
        Init(p, force: true).ConfigFile.ShouldBe(p.YamlPath);
        File.ReadAllText(p.YamlPath).ShouldContain("name: keep");
        Directory.GetFiles(p.Dir, ".pkgify.yaml*").ShouldBeEmpty("no temp file is left");
    }

    [Test]
    public void A_directory_name_that_is_no_package_name_asks_for_name()
    {
        using var p = new TempProject("X");
        Should.Throw<UsageException>(() => Init(p)).Message.ShouldContain("--name");
        Init(p, name: "good-name").Survey.Name.Value.ShouldBe("good-name");
        Should.Throw<UsageException>(() => Init(p, force: true, name: "Bad Name")).Message.ShouldContain("--name");
    }

    [Test]
    public void Text_is_the_same_for_the_same_project()
    {
        using var p = new TempProject("same");
        p.Write("requirements.txt", "gunicorn==23.0.0\n");
        p.Write("same/__init__.py");
        p.Write("same/web.py", "application = object()\n");
        var first = Init(p).Text;
        Init(p, force: true).Text.ShouldBe(first);
    }
}
