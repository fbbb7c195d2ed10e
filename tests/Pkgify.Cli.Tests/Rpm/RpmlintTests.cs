using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;
using static Pkgify.Cli.Tests.Rpm.RpmFixtures;

namespace Pkgify.Cli.Tests.Rpm;

/// <summary>rpmlint finds no error in our rpm except the allowlisted ones (tests/rpmlint-allowlist.txt).</summary>
public class RpmlintTests
{
    [Test]
    public void Rpmlint_reports_no_error_outside_the_allowlist()
    {
        using var tmp = new TempDir("rpmlint");
        var tree = tmp.Path("tree");
        CreateTree(tree);
        var rpm = PackRpm(tree, tmp.Path("out"), extra: ["--config-file", "etc/app.conf"]);

        var (errors, result) = Rpmlint.Errors(rpm);

        errors.ShouldBeEmpty($"rpmlint output:\n{result.StdOut}{result.StdErr}");
        result.StdOut.ShouldContain("1 packages and 0 specfiles checked");
    }
}
