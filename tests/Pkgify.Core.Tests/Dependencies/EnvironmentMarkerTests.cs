using NUnit.Framework;
using Pkgify.Core.Dependencies;
using Pkgify.Core.Errors;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

public class EnvironmentMarkerTests
{
    private static readonly IReadOnlyDictionary<string, string> Target = EnvironmentMarker.TargetEnvironment("/usr/bin/python3.11");

    [TestCase("sys_platform == \"linux\"", true)]
    [TestCase("sys_platform == 'win32'", false)]
    [TestCase("os_name == 'posix' and platform_system == 'Linux'", true)]
    [TestCase("sys_platform == 'darwin' or sys_platform == 'linux'", true)]
    [TestCase("(sys_platform == 'darwin' or os_name == 'nt') and python_version >= '3'", false)]
    [TestCase("python_version >= '3.10'", true)]
    [TestCase("python_version < '3.9'", false)]
    [TestCase("python_version == '3.11.0'", true)]
    [TestCase("'linux' in sys_platform", true)]
    [TestCase("'win' not in sys_platform", true)]
    [TestCase("implementation_name == 'cpython'", true)]
    public void Evaluates_for_a_linux_target(string marker, bool expected) =>
        EnvironmentMarker.Evaluate(marker, Target, "f:1").ShouldBe(expected);

    [TestCase("sys_platform = 'linux'")]
    [TestCase("sys_platform ==")]
    [TestCase("(sys_platform == 'linux'")]
    [TestCase("extra == 'pdf'")]
    [TestCase("platform_release >= '5'")]
    [TestCase("sys_platform == 'linux' and")]
    [TestCase("sys_platform not 'linux'")]
    public void Bad_or_unknowable_markers_are_usage_errors(string marker)
    {
        var e = Should.Throw<UsageException>(() => EnvironmentMarker.Evaluate(marker, Target, "f:7"));
        e.Message.ShouldStartWith("f:7: ");
    }

    [Test]
    public void Python_version_is_unknown_without_a_versioned_interpreter() =>
        Should.Throw<UsageException>(() => EnvironmentMarker.Evaluate("python_version > '3'", EnvironmentMarker.TargetEnvironment("/usr/bin/python3"), "f:1"))
            .Message.ShouldContain("python_version");
}
