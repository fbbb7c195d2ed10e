using System.Text.Json;
using System.Text.RegularExpressions;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Output;

/// <summary>
/// Issue 9, output: bars on a terminal (a real pty from script(1)), grep-able lines in a pipe, -q silent,
/// --json one document on stdout, NO_COLOR without colour sequences.
/// </summary>
public class ProgressOutputTests
{
    private static readonly Regex ColourSequence = new(@"\x1b\[[0-9;]*m");

    private TempDir _tmp = null!;
    private string _tree = null!;

    [SetUp]
    public void SetUp()
    {
        _tmp = new TempDir("progress");
        _tree = _tmp.Path("tree");
        Directory.CreateDirectory(_tree);
        // Incompressible bytes, so compression takes long enough for the display to redraw.
        var bytes = new byte[3 << 20];
        new Random(9).NextBytes(bytes);
        File.WriteAllBytes(Path.Combine(_tree, "data.bin"), bytes);
    }

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private string[] Pack(string output, params string[] extra) =>
        new[] { "pack", _tree, "--name", "progress-demo", "--version", "1.0", "-o", _tmp.Path(output),
            "--compression", "gzip", "--level", "1", "--source-date-epoch", "1700000000" }.Concat(extra).ToArray();

    [Test]
    public void In_a_pipe_each_step_is_a_plain_prefixed_line()
    {
        var r = PkgifyCli.Run(Pack("plain"));

        r.ExitCode.ShouldBe(0, r.StdErr);
        var lines = r.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        lines.ShouldAllBe(l => l.StartsWith("pkgify: ", StringComparison.Ordinal));
        lines.ShouldContain("pkgify: writing progress-demo_1.0-1_all.deb (3.0 MiB)");
        lines.ShouldContain(l => Regex.IsMatch(l, @"^pkgify: writing progress-demo-1\.0-1\.noarch\.rpm: done in [0-9.]+ s, [0-9.]+ [KMG]?i?B/s: \d+ bytes$"));
        r.StdErr.ShouldNotContain("\x1b");
        r.StdOut.ShouldContain("wrote " + _tmp.Path("plain", "progress-demo_1.0-1_all.deb"));
    }

    [Test]
    public void Quiet_prints_nothing_and_json_prints_one_document_on_stdout()
    {
        var quiet = PkgifyCli.Run(Pack("quiet", "-q"));
        quiet.ExitCode.ShouldBe(0, quiet.StdErr);
        quiet.StdOut.ShouldBeEmpty();
        quiet.StdErr.ShouldBeEmpty();

        var json = PkgifyCli.Run(Pack("json", "--json"));
        json.ExitCode.ShouldBe(0, json.StdErr);
        json.StdErr.ShouldBeEmpty();
        using var doc = JsonDocument.Parse(json.StdOut);
        doc.RootElement.GetProperty("packages").GetArrayLength().ShouldBe(2);
    }

    [Test]
    public void On_a_terminal_steps_are_bars_with_throughput_in_colour()
    {
        var r = PseudoTerminal.RunPkgify(Pack("tty"));

        r.ExitCode.ShouldBe(0, r.StdOut);
        var screen = r.StdOut;
        screen.ShouldContain("writing progress-demo_1.0-1_all.deb");
        screen.ShouldContain("100%");
        screen.ShouldMatch(@"[0-9.]+ [KMG]?B/s");
        screen.ShouldContain("\x1b[?25l", customMessage: "the cursor is hidden while the bars redraw");
        ColourSequence.IsMatch(screen).ShouldBeTrue("colours are on by default");
        screen.ShouldNotContain("pkgify: writing", customMessage: "no plain log lines on a terminal");
    }

    [Test]
    public void No_color_turns_colour_off_but_keeps_the_bars()
    {
        var r = PseudoTerminal.RunPkgify(Pack("nocolor"), new Dictionary<string, string> { ["NO_COLOR"] = "1" });

        r.ExitCode.ShouldBe(0, r.StdOut);
        r.StdOut.ShouldContain("100%");
        ColourSequence.Matches(r.StdOut).ShouldBeEmpty();
    }

    [Test]
    public void A_dumb_terminal_gets_plain_lines()
    {
        var r = PseudoTerminal.RunPkgify(Pack("dumb"), new Dictionary<string, string> { ["TERM"] = "dumb" });

        r.ExitCode.ShouldBe(0, r.StdOut);
        r.StdOut.ShouldContain("pkgify: writing progress-demo_1.0-1_all.deb (3.0 MiB)");
        r.StdOut.ShouldNotContain("\x1b[");
    }
}
