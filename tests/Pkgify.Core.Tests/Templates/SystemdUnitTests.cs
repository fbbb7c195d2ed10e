using NUnit.Framework;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>
/// The rendered unit passes <c>systemd-analyze verify</c> for every server kind. verify insists that
/// Exec binaries exist, so it runs with --root over a tree holding the host's units plus stand-ins
/// for the virtualenv's programs.
/// </summary>
public class SystemdUnitTests
{
    public static IEnumerable<TestCaseData> Kinds()
    {
        yield return new TestCaseData("gunicorn", "server:\n  kind: gunicorn\n  workers: 4\n", new[] { "/opt/ledger/venv/bin/gunicorn", "/bin/kill" }).SetArgDisplayNames("gunicorn");
        yield return new TestCaseData("uwsgi-unix", "server:\n  kind: uwsgi\n", new[] { "/opt/ledger/venv/bin/uwsgi" }).SetArgDisplayNames("uwsgi-unix");
        yield return new TestCaseData("uwsgi-tcp", "server:\n  kind: uwsgi\n  bind: '[::1]:8000'\n", new[] { "/opt/ledger/venv/bin/uwsgi" }).SetArgDisplayNames("uwsgi-tcp");
        yield return new TestCaseData("command", "server:\n  kind: command\n  command: \"celery -A ledger worker --pidfile='%n.pid' -- \\\"$HOME\\\" ; \\\\x\"\n", new[] { "/bin/sh" }).SetArgDisplayNames("command");
    }

    [TestCaseSource(nameof(Kinds))]
    public void Passes_systemd_analyze_verify(string kind, string server, string[] executables)
    {
        var context = TemplateFixtures.Contract(yaml => ApprovedTemplateTests.ReplaceServer(yaml, server));
        var unit = TemplateFixtures.BuiltIn().Render(TemplateNames.SystemdUnit, context);
        using var temp = new TempProject();
        var root = RenderedFiles.SystemdRoot(temp, unit, "ledger.service", executables);

        ToolRunner.Run("systemd-analyze", ["verify", "--man=no", $"--root={root}", "ledger.service"])
            .ShouldBe(new ToolResult(0, "", ""), $"{kind} unit:\n{unit}");
    }

    [Test]
    public void Verify_does_catch_a_broken_unit()
    {
        // Guards the test above: the same setup reports bad quoting and a missing executable.
        var unit = TemplateFixtures.BuiltIn().Render(TemplateNames.SystemdUnit, TemplateFixtures.Contract())
            .Replace("--workers 4", "--workers \"4");
        using var temp = new TempProject();
        var root = RenderedFiles.SystemdRoot(temp, unit, "ledger.service", []);

        var result = ToolRunner.Run("systemd-analyze", ["verify", "--man=no", $"--root={root}", "ledger.service"]);
        result.ExitCode.ShouldNotBe(0);
        result.Stderr.ShouldContain("Unbalanced quoting");
    }

    [Test]
    public void The_command_is_one_shell_word_with_specifiers_and_variables_escaped()
    {
        var context = TemplateFixtures.Contract(yaml => ApprovedTemplateTests.ReplaceServer(yaml,
            "server:\n  kind: command\n  command: \"run --pid='%n.pid' \\\"$HOME\\\" ; \\\\x\"\n"));
        TemplateFixtures.BuiltIn().Render(TemplateNames.SystemdUnit, context)
            .ShouldContain("\nExecStart=/bin/sh -c \"exec run --pid='%%n.pid' \\\"$$HOME\\\" ; \\\\x\"\n");
    }
}
