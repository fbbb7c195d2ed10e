using NUnit.Framework;
using Pkgify.Core.Templates;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>
/// What the built-in maintainer scripts ask of systemd at each step of a package's life, run for real in
/// <see cref="ScriptSandbox"/> (which records every systemctl call): removal stops and disables the unit, an
/// upgrade restarts a running unit exactly once and never stops it, in the order dpkg (deb-prerm(5),
/// deb-postinst(5)) and rpm (old %preun/%postun after the new %post) run the scripts.
/// </summary>
public class ServiceLifecycleTests
{
    private const string Unit = "ledger.service";

    private ScriptSandbox _sandbox = null!;
    private TemplateContext _context = null!;
    private string _state = null!;

    [SetUp]
    public void SetUp()
    {
        _sandbox = new ScriptSandbox(withAdduser: false);
        _state = _sandbox.Mkdir("var/lib/ledger");
        var paths = TemplatePaths.For("ledger") with
        {
            App = _sandbox.Mkdir("opt/ledger/app"),
            Venv = _sandbox.Mkdir("opt/ledger/venv"),
            Config = _sandbox.Mkdir("etc/ledger"),
            State = _state,
            Log = _sandbox.Mkdir("var/log/ledger"),
        };
        _context = TemplateFixtures.Contract() with { Paths = paths, Hooks = new TemplateHooks(null) };
        _context.Service.Unit.ShouldBe(Unit);
    }

    [TearDown]
    public void TearDown() => _sandbox.Dispose();

    /// <summary>Runs the built-in <paramref name="template"/> with <paramref name="args"/>; returns its systemctl calls.</summary>
    private List<string> Run(string template, bool unitActive, params string[] args)
    {
        var result = _sandbox.Run(TemplateFixtures.BuiltIn().Render(template, _context), systemdRunning: true, args,
            accountsExist: true, unitActive: unitActive);
        result.ExitCode.ShouldBe(0, $"{template} {string.Join(' ', args)}: {result}");
        return _sandbox.TakeCalls().Where(c => c[0] == "systemctl").Select(c => string.Join(" ", c[1..])).ToList();
    }

    private string Marker => Path.Combine(_state, ".pkgify-reenable");

    [Test]
    public void Debian_remove_stops_and_disables_the_unit_and_a_reinstallation_enables_and_starts_it_again()
    {
        Run(TemplateNames.DebPrerm, unitActive: true, "remove").ShouldBe([$"--quiet is-enabled {Unit}", $"disable {Unit}", $"stop {Unit}"]);
        File.Exists(Marker).ShouldBeTrue("prerm remembers that the unit was enabled");
        Run(TemplateNames.DebPostrm, unitActive: false, "remove").ShouldBe(["daemon-reload"]);

        // Reinstalling a removed (not purged) package: dpkg passes the version last configured.
        Run(TemplateNames.DebPostinst, unitActive: false, "configure", "1.4.2-1").ShouldBe([$"enable {Unit}", "daemon-reload", $"start {Unit}"]);
        File.Exists(Marker).ShouldBeFalse();
    }

    [Test]
    public void Debian_remove_of_a_disabled_unit_stops_it_and_leaves_it_disabled_on_reinstallation()
    {
        Run(TemplateNames.DebPrerm, unitActive: false, "remove").ShouldBe([$"--quiet is-enabled {Unit}", $"stop {Unit}"]);
        File.Exists(Marker).ShouldBeFalse();
        Run(TemplateNames.DebPostinst, unitActive: false, "configure", "1.4.2-1").ShouldBe(
            ["daemon-reload", $"--quiet is-enabled {Unit}", $"--quiet is-active {Unit}"]);
    }

    [Test]
    public void Debian_upgrade_of_a_running_unit_restarts_it_once_and_never_stops_it()
    {
        // dpkg's order for an upgrade: old prerm upgrade NEW, new preinst, old postrm upgrade NEW, new postinst configure OLD.
        List<string> calls =
        [
            .. Run(TemplateNames.DebPrerm, unitActive: true, "upgrade", "1.4.3-1"),
            .. Run(TemplateNames.DebPostrm, unitActive: true, "upgrade", "1.4.3-1"),
            .. Run(TemplateNames.DebPostinst, unitActive: true, "configure", "1.4.2-1"),
        ];
        calls.ShouldBe(["daemon-reload", $"--quiet is-enabled {Unit}", $"restart {Unit}"]);
    }

    [Test]
    public void Rpm_erase_stops_and_disables_the_unit()
    {
        Run(TemplateNames.RpmPreun, unitActive: true, "0").ShouldBe([$"--quiet disable {Unit}", $"stop {Unit}"]);
        Run(TemplateNames.RpmPostun, unitActive: false, "0").ShouldBe(["daemon-reload"]);
    }

    [Test]
    public void Rpm_upgrade_of_a_running_unit_restarts_it_once_from_the_old_postun_and_never_stops_it()
    {
        // rpm's order for an upgrade: new %pre 2, new %post 2, then the old package's %preun 1 and %postun 1.
        List<string> calls =
        [
            .. Run(TemplateNames.RpmPre, unitActive: true, "2"),
            .. Run(TemplateNames.RpmPost, unitActive: true, "2"),
            .. Run(TemplateNames.RpmPreun, unitActive: true, "1"),
            .. Run(TemplateNames.RpmPostun, unitActive: true, "1"),
        ];
        calls.ShouldBe(["daemon-reload", $"--quiet is-enabled {Unit}", $"restart {Unit}"]);
    }
}
