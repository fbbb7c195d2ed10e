using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Config;

/// <summary>The deployment-standard layout loads with no pkgify.yaml; defaults come from the contract.</summary>
public class ZeroConfigTests
{
    private const string Python = "/usr/bin/python3";

    private static ProjectConfig Load(TempProject project) =>
        ConfigLoader.Load(project.Dir, python => PyProjectReader.Read(python, Path.Combine(project.Dir, "pyproject.toml")));

    private static TempProject StandardLayout(string directoryName)
    {
        var project = new TempProject(directoryName);
        project.Write("dependencies.txt", "flask==3.0.0\n");
        project.Write("external-dependencies.txt", "libxml2-dev\n");
        project.Write("bin/wsgiapp", "from app import application\n");
        return project;
    }

    [Test]
    public void Standard_layout_with_pyproject_needs_no_configuration()
    {
        using var project = StandardLayout("checkout");
        project.Write("pyproject.toml", """
            [project]
            name = "My_Blog.Site"
            version = "2.1.0rc1"
            description = "A small blog"
            license = { text = "BSD-3-Clause" }
            authors = [{ name = "Jane Doe", email = "jane@example.org" }]
            [project.urls]
            Homepage = "https://blog.example.org"
            """);
        var config = Load(project);

        config.ConfigFile.ShouldBeNull();
        config.Name.ShouldBe("my-blog-site");
        config.Version.ShouldBe("2.1.0rc1");
        config.Summary.ShouldBe("A small blog");
        config.License.ShouldBe("BSD-3-Clause");
        config.Maintainer.ShouldBe("Jane Doe <jane@example.org>");
        config.Homepage.ShouldBe("https://blog.example.org");
        config.Origins.Of("version").ShouldBe("pyproject.toml [project] version");
        config.Requirements.ShouldBe(Path.Combine(project.Dir, "dependencies.txt"));
        config.ExternalDependencies.ShouldBe(Path.Combine(project.Dir, "external-dependencies.txt"));
        config.Wsgi.ShouldBe(new WsgiEntry(null, "bin/wsgiapp", "application"));
    }

    [Test]
    public void Defaults_follow_the_contract()
    {
        using var project = StandardLayout("Blog_App");
        project.Write("pkgify.yaml", "version: 1.0\n");
        var config = Load(project);

        config.Name.ShouldBe("blog-app");
        config.Origins.Of("name").ShouldBe("directory name 'Blog_App'");
        config.Release.ShouldBe("1");
        config.Summary.ShouldBe("Python web application blog-app");
        config.Description.ShouldBe("");
        config.Maintainer.ShouldBe("blog-app maintainers <root@localhost>");
        config.License.ShouldBe("unknown");
        config.Homepage.ShouldBeNull();
        config.Python.ShouldBe(Python);
        config.Wheelhouse.ShouldBeNull();
        config.IndexUrl.ShouldBeNull();
        config.App.ShouldBe(new AppConfig(project.Dir, config.App.Exclude));
        config.App.Exclude.ShouldBe([".git", "dist", "**/__pycache__"]);
        config.Server.ShouldBe(new ServerConfig(ServerKind.Gunicorn, new BindAddress("/run/blog-app/blog-app.sock", null, 0), 2, ""));
        config.Service.ShouldBe(new ServiceConfig("blog-app", "/etc/blog-app/blog-app.env"));
        config.Depends.Deb.ShouldBeEmpty();
        config.Mappings.ShouldBeEmpty();
        config.Config.ShouldBeEmpty();
        config.Hooks.PostInstall.ShouldBeNull();
        config.Nginx.ShouldBeNull();
        config.Templates.ShouldBeNull();
    }

    [Test]
    public void Requirements_txt_wins_over_dependencies_txt()
    {
        using var project = StandardLayout("blog");
        project.Write("requirements.txt", "flask==3.0.0\n");
        project.Write("pkgify.yaml", "version: 1.0\n");
        Load(project).Requirements.ShouldBe(Path.Combine(project.Dir, "requirements.txt"));
    }

    [Test]
    public void Without_any_version_the_error_says_to_add_one()
    {
        using var project = StandardLayout("blog");
        var error = Should.Throw<UsageException>(() => Load(project));
        error.Message.ShouldBe($"{project.YamlPath}: version: not set; add version: (e.g. version: 1.0.0) to pkgify.yaml, or a [project] version to pyproject.toml");
    }

    [Test]
    public void A_dynamic_pyproject_version_is_explained()
    {
        using var project = StandardLayout("blog");
        project.Write("pyproject.toml", "[project]\nname = \"blog\"\ndynamic = [\"version\"]\n");
        Should.Throw<UsageException>(() => Load(project)).Message
            .ShouldBe($"{project.YamlPath}: version: not set, and pyproject.toml declares the version dynamic; add version: (e.g. version: 1.0.0) to pkgify.yaml");
    }

    [Test]
    public void A_directory_name_that_cannot_be_a_package_name_asks_for_name()
    {
        using var project = StandardLayout("_");
        project.Write("pkgify.yaml", "version: 1.0\n");
        Should.Throw<UsageException>(() => Load(project)).Message
            .ShouldBe($"{project.YamlPath}:1:1: name: not set, and the directory name '_' does not make a valid package name; add name: to pkgify.yaml");
    }

    [Test]
    public void Pyproject_is_not_read_when_pkgify_yaml_says_everything()
    {
        using var project = ContractExampleTests.ContractProject();
        project.Write("pyproject.toml", "this is not TOML");
        Should.NotThrow(() => ConfigLoader.Load(project.Dir, ContractExampleTests.NoPyProject));
    }

    [Test]
    public void Invalid_pyproject_values_name_the_file_and_field()
    {
        using var project = StandardLayout("blog");
        project.Write("pyproject.toml", "[project]\nname = \"blog\"\nversion = \"latest\"\n");
        Should.Throw<UsageException>(() => Load(project)).Message
            .ShouldBe($"{project.Dir}/pyproject.toml: [project] version: 'latest' is not a usable version; it must start with a digit and contain only letters, digits and '.+~!_-' (e.g. 1.4.2 or 1.4.2rc1); or set version: in pkgify.yaml");
    }

    [TestCase("ledger", "ledger")]
    [TestCase("ledger.web", "ledger-web")]
    [TestCase("g++", "g--")]
    [TestCase("2fa", "_2fa")]
    [TestCase("a-very-long-package-name-that-exceeds-the-limit", "a-very-long-package-name-that-ex")]
    public void Service_user_derives_from_the_name(string name, string user)
    {
        ConfigDefaults.User(name).ShouldBe(user);
        ValueRules.UserName(user).ShouldBeNull();
    }
}
