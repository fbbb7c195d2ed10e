using System.Text.Encodings.Web;
using System.Text.Json;
using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Config;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>
/// Hostile values written into pkgify.yaml are either rejected (exit 2, naming the key) or, when
/// they are legitimate text, rendered inert: every file still parses with its real consumer, the
/// value reads back unchanged, and no injected command or rpm macro ever runs.
/// </summary>
public class InjectionTests
{
    /// <summary>{M} stands for the marker file an escaped payload would create.</summary>
    private static readonly string[] Payloads =
    [
        "$(touch {M})",
        "`touch {M}`",
        "a; touch {M}",
        "a' ; touch {M} ; '",
        "a\" ; touch {M} ; \"",
        "a\ntouch {M}",
        "%{lua: os.execute('touch {M}')}",
        "%(touch {M})",
        "<script>&amp;</script> ]]>",
        "100% ${HOME} %n \\ end\\",
    ];

    /// <summary>The keys and how a payload becomes their value; the line of the contract example it replaces.</summary>
    private static readonly (string Key, string Line, Func<string, string> Value)[] Keys =
    [
        ("name", "name: ledger ", p => p),
        ("version", "version: 1.4.2 ", p => "1.0" + p),
        ("release", "release: 1", p => p),
        ("summary", "summary: Ledger web service", p => "Ledger " + p),
        ("description", "description: |\n  Longer text, several lines.", p => "Text\n" + p + "\n" + p),
        ("maintainer", "maintainer: Ops Team <ops@example.com>", p => $"Ops {p} <ops@example.com>"),
        ("license", "license: MIT", p => "MIT " + p),
        ("homepage", "homepage: https://example.com/ledger", p => "https://example.com/" + p),
        ("python", "python: /usr/bin/python3.11 ", p => "/usr/bin/" + p),
        ("wsgi", "wsgi: ledger.web:application ", p => "ledger.web:" + p),
        ("server.bind", "  bind: unix:/run/ledger/ledger.sock", p => "unix:/run/ledger/" + p),
        ("service.user", "  user: ledger ", p => p),
        ("service.environment_file", "  environment_file: /etc/ledger/ledger.env", p => "/etc/ledger/" + p),
        ("config[0].dest", "    dest: /etc/ledger/local_settings.py", p => "/etc/ledger/" + p),
        ("nginx.server_name", "  server_name: ledger.example.com ", p => "ledger.example.com " + p),
    ];

    public static IEnumerable<TestCaseData> Cases() =>
        from key in Keys
        from payload in Payloads.Select((p, i) => (Text: p, Index: i))
        select new TestCaseData(key.Key, payload.Text).SetArgDisplayNames(key.Key, $"payload{payload.Index}");

    [TestCaseSource(nameof(Cases))]
    public void Hostile_value_is_rejected_or_inert(string key, string payload)
    {
        using var project = ContractExampleTests.ContractProject();
        var marker = Path.Combine(project.Root, "pwned");
        var (_, line, makeValue) = Keys.Single(k => k.Key == key);
        var value = makeValue(payload.Replace("{M}", marker));
        project.Write("pkgify.yaml", SetValue(ContractExampleTests.ContractYaml, line, value));

        ProjectConfig config;
        try
        {
            config = ConfigLoader.Load(project.Dir, ContractExampleTests.NoPyProject);
        }
        catch (UsageException e)
        {
            e.ExitCode.ShouldBe(2);
            e.Message.ShouldContain($": {key}", customMessage: e.Message);
            e.Message.ShouldNotContain("\n");
            return;
        }
        var context = TemplateContext.Create(config, TemplateFixtures.FactsFor(config));
        try
        {
            foreach (var template in TemplateSet.BuiltInNames) TemplateFixtures.BuiltIn().Render(template, context);
        }
        catch (UsageException e)
        {
            // Valid text that one target syntax cannot hold (a Description= ending in '\').
            e.Message.ShouldContain($": {key} (", customMessage: e.Message);
            e.Message.ShouldNotContain("\n");
            return;
        }
        ProveInert(project, context);
        File.Exists(marker).ShouldBeFalse("an injected command ran");
    }

    /// <summary>Feeds every rendered file to its consumer and checks the free-text values read back unchanged.</summary>
    private static void ProveInert(TempProject project, TemplateContext context)
    {
        var renderer = TemplateFixtures.BuiltIn();
        var deb = DebianFileTests.PackDeb(project, context);
        ToolRunner.Check("dpkg-deb", "-f", deb, "Package").Stdout.ShouldBe("ledger\n");
        ToolRunner.Check("dpkg-deb", "-f", deb, "Maintainer").Stdout.ShouldBe(context.Maintainer + "\n");
        ToolRunner.Check("dpkg-deb", "-f", deb, "Description").Stdout.Split('\n')[0].ShouldBe(context.Summary);

        var spec = RenderedFiles.Write(renderer, TemplateNames.RpmSpec, context, Path.Combine(project.Root, "ledger.spec"));
        var define = new[] { "--define", $"_pkgify_stage {project.Root}" };
        ToolRunner.Run("rpmspec", ["-P", .. define, spec]).ExitCode.ShouldBe(0);
        ToolRunner.Check("rpmspec", ["-q", "--srpm", .. define, "--qf", "%{SUMMARY}|%{LICENSE}|%{URL}|%{PACKAGER}", spec]).Stdout
            .ShouldBe($"{context.Summary}|{context.License}|{context.Homepage}|{context.Maintainer}");

        var changelog = RenderedFiles.Write(renderer, TemplateNames.Changelog, context, Path.Combine(project.Root, "changelog"));
        ToolRunner.Check("dpkg-parsechangelog", "-l", changelog, "-S", "Maintainer").Stdout.ShouldBe(context.Maintainer + "\n");

        var unit = renderer.Render(TemplateNames.SystemdUnit, context);
        var root = RenderedFiles.SystemdRoot(project, unit, "ledger.service", ["/opt/ledger/venv/bin/gunicorn", "/bin/kill"]);
        ToolRunner.Run("systemd-analyze", ["verify", "--man=no", $"--root={root}", "ledger.service"]).ShouldBe(new ToolResult(0, "", ""));

        using var sandbox = new ScriptSandbox(withAdduser: false);
        var safe = context with { Paths = TemplatePaths.For("ledger") with { State = sandbox.Mkdir("state"), Log = sandbox.Mkdir("log"), App = sandbox.Mkdir("app") }, Hooks = new TemplateHooks(null) };
        sandbox.Run(renderer.Render(TemplateNames.DebPostinst, safe), systemdRunning: true, ["configure", ""]).ExitCode.ShouldBe(0);
        sandbox.Run(renderer.Render(TemplateNames.RpmPost, safe), systemdRunning: true, ["1"]).ExitCode.ShouldBe(0);
    }

    /// <summary>Replaces a line of the example with <c>key: "value"</c> (a JSON string is a YAML double-quoted scalar).</summary>
    private static string SetValue(string yaml, string line, string value)
    {
        var quoted = JsonSerializer.Serialize(value, new JsonSerializerOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        var start = yaml.IndexOf(line, StringComparison.Ordinal);
        if (start < 0) throw new ArgumentException($"line '{line}' not in the example");
        var colon = yaml.IndexOf(':', start);
        var end = yaml.IndexOf('\n', start + line.Length - 1);
        return yaml[..(colon + 1)] + " " + quoted + yaml[end..];
    }
}
