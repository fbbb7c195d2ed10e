using NUnit.Framework;
using Pkgify.Core.Dependencies;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

public class ExternalDependencyFileTests
{
    private const string File = "external-dependencies.txt";

    [Test]
    public void Reads_names_constraints_markers_comments_and_blank_lines()
    {
        var text = "# system libraries\n\nlibpq (>=9.0)\r\nlibxml2; sys_platform == \"linux\"  # parsing\n  zlib ( >= 1.2 , < 2 ) ; os_name == 'posix'\nmake\nlibfoo (1.5)\n";
        var entries = ExternalDependencyFile.Parse(text, File);
        entries.Select(e => (e.Name, e.Line)).ShouldBe([("libpq", 3), ("libxml2", 4), ("zlib", 5), ("make", 6), ("libfoo", 7)]);
        entries[0].Bounds.ShouldBe([new VersionBound(RelationOperator.GreaterOrEqual, "9.0")]);
        entries[1].Marker.ShouldBe("sys_platform == \"linux\"");
        entries[2].Bounds.ShouldBe([new VersionBound(RelationOperator.GreaterOrEqual, "1.2"), new VersionBound(RelationOperator.Less, "2")]);
        entries[2].Marker.ShouldBe("os_name == 'posix'");
        entries[3].Bounds.ShouldBeEmpty();
        entries[4].Bounds.ShouldBe([new VersionBound(RelationOperator.Equal, "1.5")]);
        entries[0].Where.ShouldBe($"{File}:3");
    }

    [TestCase("libpq >= 9.0", 1)]
    [TestCase("(libpq)", 1)]
    [TestCase("libpq (>=9.0", 1)]
    [TestCase("ok\nlib pq", 2)]
    [TestCase("ok\n\nlibpq (>=)", 3)]
    [TestCase("libpq (>=9.0) extra", 1)]
    [TestCase("libpq ()", 1)]
    [TestCase("libpq;", 1)]
    public void A_malformed_line_is_a_usage_error_naming_the_line(string text, int line)
    {
        var e = Should.Throw<UsageException>(() => ExternalDependencyFile.Parse(text, File));
        e.ExitCode.ShouldBe(2);
        e.Message.ShouldStartWith($"{File}:{line}: ");
        e.Message.ShouldNotContain("\n");
    }

    [TestCase("libpq (!=9.0)", "'!='")]
    [TestCase("libpq (~=9.0)", "'~='")]
    [TestCase("libpq (>=9.*)", "not usable")]
    [TestCase("libpq (>=v9)", "not usable")]
    public void Conditions_dpkg_and_rpm_cannot_express_are_refused(string text, string why)
    {
        Should.Throw<UsageException>(() => ExternalDependencyFile.Parse(text, File)).Message.ShouldContain(why);
    }

    [Test]
    public void A_missing_file_is_a_usage_error() =>
        Should.Throw<UsageException>(() => ExternalDependencyFile.Read("/nonexistent/external-dependencies.txt")).ExitCode.ShouldBe(2);
}
