using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Config;

/// <summary>pyproject.toml is read by the real interpreter's tomllib.</summary>
public class PyProjectReaderTests
{
    private const string Python = "/usr/bin/python3";

    private static PyProjectInfo? Read(string toml)
    {
        using var project = new TempProject();
        return PyProjectReader.Read(Python, project.Write("pyproject.toml", toml));
    }

    [Test]
    public void Reads_the_project_table()
    {
        Read("""
            [build-system]
            requires = ["setuptools"]
            [project]
            name = "ledger"
            version = "1.4.2"
            description = "Ledger web service"
            license = "MIT"
            maintainers = [{ name = "Ops" }, { name = "Ops Team", email = "ops@example.com" }]
            authors = [{ name = "Someone", email = "someone@example.com" }]
            [project.urls]
            homepage = "https://example.com/ledger"
            """).ShouldBe(new PyProjectInfo("ledger", "1.4.2", "Ledger web service", "MIT", false, "https://example.com/ledger", "Ops Team <ops@example.com>"));
    }

    [Test]
    public void A_file_without_project_table_gives_empty_info()
    {
        Read("[tool.black]\nline-length = 100\n").ShouldBe(new PyProjectInfo(null, null, null, null));
    }

    [Test]
    public void A_license_file_reference_gives_no_license()
    {
        Read("[project]\nname = \"x\"\nlicense = { file = \"LICENSE\" }\n")!.License.ShouldBeNull();
    }

    [Test]
    public void Invalid_toml_is_a_usage_error_with_the_parser_position()
    {
        var error = Should.Throw<UsageException>(() => Read("[project]\nname = \n"));
        error.Message.ShouldContain("pyproject.toml: not valid TOML: ");
        error.Message.ShouldContain("line 2");
    }

    [Test]
    public void A_wrongly_typed_field_is_named()
    {
        Should.Throw<UsageException>(() => Read("[project]\nversion = 1.0\n")).Message.ShouldEndWith("pyproject.toml: [project] version must be a string");
    }

    [Test]
    public void A_missing_file_gives_null()
    {
        PyProjectReader.Read(Python, "/nonexistent/pyproject.toml").ShouldBeNull();
    }

    [Test]
    public void A_missing_interpreter_names_python()
    {
        using var project = new TempProject();
        var path = project.Write("pyproject.toml", "[project]\n");
        Should.Throw<UsageException>(() => PyProjectReader.Read("/nonexistent/python3.99", path)).Message
            .ShouldStartWith("python: /nonexistent/python3.99 does not exist, and it is needed to read ");
    }
}
