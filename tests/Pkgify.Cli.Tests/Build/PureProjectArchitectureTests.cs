using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Build;

/// <summary>
/// Contract "Output names": a project with no native code in its payload (its venv's python is a link to the
/// interpreter, not a copy) builds an architecture-independent .deb and .rpm, as dpkg-deb and rpm read them.
/// </summary>
public class PureProjectArchitectureTests
{
    [Test]
    public void A_pure_python_project_builds_all_and_noarch_packages()
    {
        using var project = new TinyProject("pure-arch");
        var output = project.Tmp.Path("out");
        var r = PkgifyCli.Run(["build", project.Dir, "-o", output, "--source-date-epoch", "1700000000", "--compression", "gzip", "--level", "1"],
            new Dictionary<string, string> { ["PKGIFY_CACHE_DIR"] = project.CacheDir });
        r.ExitCode.ShouldBe(0, r.StdOut + r.StdErr);
        Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(["tiny-1.0.0-1.noarch.rpm", "tiny_1.0.0-1_all.deb"]);
        ToolRunner.RunChecked(ToolRunner.Require("dpkg-deb"), ["-f", Path.Combine(output, "tiny_1.0.0-1_all.deb"), "Architecture"])
            .StdOut.Trim().ShouldBe("all");
        ToolRunner.RunChecked(ToolRunner.Require("rpm"), ["-qp", "--qf", "%{ARCH}", Path.Combine(output, "tiny-1.0.0-1.noarch.rpm")])
            .StdOut.ShouldBe("noarch");
    }
}
