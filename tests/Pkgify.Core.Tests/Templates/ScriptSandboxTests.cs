using NUnit.Framework;
using Pkgify.Core.Templates;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>
/// The rendered maintainer scripts run for real (in <see cref="ScriptSandbox"/>) with hostile values
/// that configuration validation would never let through: quotes, $(...), backticks, ';', newlines,
/// XML metacharacters. The escaping alone must keep them inert: no injected command runs, each value
/// reaches its command as exactly one argument, and rm -rf removes only what it should.
/// </summary>
public class ScriptSandboxTests
{
    /// <summary>Every way out of a shell word; "touch pwned" creates a file the test looks for.</summary>
    private const string Hostile = "x'$(touch pwned)\"`touch pwned`;touch pwned&|<y>\n${IFS}touch pwned #";

    private static (TemplateContext Context, TemplatePaths Paths) HostileContext(ScriptSandbox sandbox)
    {
        var top = sandbox.Mkdir($"root/{Hostile}");
        var paths = new TemplatePaths(
            Root: $"{top}/opt", App: $"{top}/opt/app", Venv: $"{top}/opt/venv", VenvBin: $"{top}/opt/venv/bin", Wsgi: $"{top}/opt/wsgi",
            Config: $"{top}/etc", State: $"{top}/var/lib", Log: $"{top}/var/log", Runtime: $"{top}/run", Doc: $"{top}/doc");
        foreach (var dir in new[] { paths.App + "/pkg/__pycache__", paths.Venv + "/lib/__pycache__", paths.Config, paths.State, paths.Log })
            Directory.CreateDirectory(dir);
        var context = TemplateFixtures.Contract() with
        {
            Name = "ledger $(touch pwned) `touch pwned`",
            Paths = paths,
            Service = new TemplateService(User: "u" + Hostile, Group: "g" + Hostile, EnvironmentFile: "/etc/e", Unit: Hostile + ".service"),
            // The hook is code by design: it must run exactly as written, in the application directory.
            Hooks = new TemplateHooks("printf '%s|%s' \"$PWD\" 'it'\\''s' > hook-ran"),
        };
        return (context, paths);
    }

    [TestCase(true, true)]
    [TestCase(false, true)]
    [TestCase(true, false)]
    public void Debian_scripts_keep_hostile_values_inert(bool systemdRunning, bool withAdduser)
    {
        using var sandbox = new ScriptSandbox(withAdduser);
        var (context, paths) = HostileContext(sandbox);
        var keep = sandbox.Mkdir("root/keep");
        var renderer = TemplateFixtures.BuiltIn();
        string Script(string name) => renderer.Render("deb/" + name, context);
        void Run(string name, params string[] args)
        {
            var result = sandbox.Run(Script(name), systemdRunning, args);
            result.ExitCode.ShouldBe(0, $"{name} {string.Join(' ', args)}: {result}");
        }

        Run("preinst", "install");
        Run("postinst", "configure", "");
        var calls = sandbox.TakeCalls();
        calls.ShouldContain(c => c.SequenceEqual(new[] { "chown", $"{context.Service.User}:{context.Service.Group}", paths.State }));
        if (withAdduser)
            calls.ShouldContain(c => c[0] == "adduser" && c.Last() == context.Service.User && c.Contains(paths.State));
        else
            calls.ShouldContain(c => c.SequenceEqual(new[] { "useradd", "--system", "--gid", context.Service.Group, "--home-dir", paths.State, "--no-create-home", "--shell", "/usr/sbin/nologin", context.Service.User }));
        var systemctl = calls.Where(c => c[0] == "systemctl").Select(c => string.Join(" ", c[1..])).ToList();
        systemctl.ShouldBe(systemdRunning
            ? [$"enable {context.Service.Unit}", "daemon-reload", $"start {context.Service.Unit}"]
            : [$"enable {context.Service.Unit}"]);
        File.ReadAllText(Path.Combine(paths.App, "hook-ran")).ShouldBe($"{paths.App}|it's");

        Run("prerm", "upgrade", "2.0");
        Directory.Exists(paths.App + "/pkg/__pycache__").ShouldBeFalse();
        Run("postinst", "configure", "1.0");
        Run("prerm", "remove");
        Run("postinst", "abort-remove");
        Run("prerm", "remove");
        Run("postrm", "remove");
        Run("postrm", "purge");

        sandbox.Find("pwned").ShouldBeEmpty();
        Directory.Exists(paths.State).ShouldBeFalse();
        Directory.Exists(paths.Log).ShouldBeFalse();
        Directory.Exists(paths.Config).ShouldBeFalse();
        Directory.Exists(paths.App).ShouldBeTrue();
        Directory.Exists(keep).ShouldBeTrue();
    }

    [Test]
    public void Debian_upgrade_restarts_only_an_enabled_or_running_unit()
    {
        using var sandbox = new ScriptSandbox(withAdduser: true);
        var (context, _) = HostileContext(sandbox);
        var postinst = TemplateFixtures.BuiltIn().Render(TemplateNames.DebPostinst, context);

        sandbox.Run(postinst, systemdRunning: true, ["configure", "1.0"], accountsExist: true, unitActive: true).ExitCode.ShouldBe(0);
        Systemctl(sandbox).ShouldBe(["daemon-reload", $"--quiet is-enabled {context.Service.Unit}", $"restart {context.Service.Unit}"]);
        sandbox.Run(postinst, systemdRunning: true, ["configure", "1.0"], accountsExist: true, unitActive: false).ExitCode.ShouldBe(0);
        Systemctl(sandbox).ShouldBe(["daemon-reload", $"--quiet is-enabled {context.Service.Unit}", $"--quiet is-active {context.Service.Unit}"]);
    }

    [TestCase(true)]
    [TestCase(false)]
    public void Rpm_scriptlets_keep_hostile_values_inert(bool systemdRunning)
    {
        using var sandbox = new ScriptSandbox(withAdduser: false);
        var (context, paths) = HostileContext(sandbox);
        var renderer = TemplateFixtures.BuiltIn();
        void Run(string name, string count)
        {
            var result = sandbox.Run(renderer.Render("rpm/" + name, context), systemdRunning, [count]);
            result.ExitCode.ShouldBe(0, $"{name} {count}: {result}");
        }

        Run("pre", "1");
        Run("post", "1");
        var calls = sandbox.TakeCalls();
        calls.ShouldContain(c => c.SequenceEqual(new[] { "groupadd", "--system", context.Service.Group }));
        calls.ShouldContain(c => c.SequenceEqual(new[] { "useradd", "--system", "--gid", context.Service.Group, "--home-dir", paths.State, "--no-create-home", "--shell", "/sbin/nologin", context.Service.User }));
        calls.Where(c => c[0] == "systemctl").Select(c => string.Join(" ", c[1..])).ShouldBe(systemdRunning
            ? [$"enable {context.Service.Unit}", "daemon-reload", $"start {context.Service.Unit}"]
            : [$"enable {context.Service.Unit}"]);
        File.ReadAllText(Path.Combine(paths.App, "hook-ran")).ShouldBe($"{paths.App}|it's");

        Run("pre", "2");
        Directory.Exists(paths.App + "/pkg/__pycache__").ShouldBeFalse();
        Run("post", "2");
        Run("preun", "1");
        Run("postun", "1");
        sandbox.TakeCalls().Where(c => c[0] == "systemctl").Select(c => string.Join(" ", c[1..])).ShouldBe(systemdRunning
            ? ["daemon-reload", $"--quiet is-enabled {context.Service.Unit}", $"--quiet is-active {context.Service.Unit}"]
            : []);
        Run("preun", "0");
        Run("postun", "0");

        sandbox.Find("pwned").ShouldBeEmpty();
        Directory.Exists(paths.State).ShouldBeTrue("rpm keeps state on erase");
    }

    [Test]
    public void The_sandbox_does_catch_a_naively_quoted_value()
    {
        // Guards the tests above: with the user written in double quotes instead of {{sh}}, a
        // payload runs, and the sandbox sees its file.
        using var sandbox = new ScriptSandbox(withAdduser: false);
        var (hostile, _) = HostileContext(sandbox);
        var context = hostile with { Service = hostile.Service with { User = "$(touch pwned)" } };
        var postinst = TemplateFixtures.BuiltIn().Render(TemplateNames.DebPostinst, context);
        postinst.ShouldContain("\nuser='$(touch pwned)'\n");

        sandbox.Run(postinst, systemdRunning: false, ["configure", ""]).ExitCode.ShouldBe(0);
        sandbox.Find("pwned").ShouldBeEmpty();
        sandbox.Run(postinst.Replace("\nuser='$(touch pwned)'\n", "\nuser=\"$(touch pwned)\"\n"), systemdRunning: false, ["configure", ""]);
        sandbox.Find("pwned").ShouldNotBeEmpty();
    }

    private static List<string> Systemctl(ScriptSandbox sandbox) =>
        sandbox.TakeCalls().Where(c => c[0] == "systemctl").Select(c => string.Join(" ", c[1..])).ToList();
}
