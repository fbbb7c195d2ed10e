using NUnit.Framework;
using Pkgify.Cli.Help;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Help;

/// <summary>
/// Issue 9, help: the exact text of `pkgify --help` and of every command's --help (approved/*.txt), every option
/// with its default, and one-line suggestions for misspelled commands and options.
/// </summary>
public class HelpSnapshotTests
{
    public static IEnumerable<string> VerbNames => Verbs.Visible.Select(v => v.Name);

    /// <summary>Every command as typed, including the two-word ones ("repo apt").</summary>
    public static IEnumerable<string> CommandLines => Verbs.All.Select(UsageText.DisplayName);

    [Test]
    public void General_help()
    {
        var r = PkgifyCli.RunChecked("--help");
        r.StdErr.ShouldBeEmpty();
        ApprovedText.Verify("help", r.StdOut);
        foreach (var verb in VerbNames)
            r.StdOut.ShouldContain($"\n  {verb} ");
    }

    [TestCaseSource(nameof(CommandLines))]
    public void Command_help(string command)
    {
        var words = command.Split(' ');
        var r = PkgifyCli.RunChecked([.. words, "--help"]);
        r.StdOut.ShouldStartWith($"usage: pkgify {command}");
        ApprovedText.Verify($"help-{command.Replace(' ', '-')}", r.StdOut);
        PkgifyCli.RunChecked([.. words, "-h"]).StdOut.ShouldBe(r.StdOut);
        if (words.Length == 1)
            PkgifyCli.RunChecked("help", command).StdOut.ShouldBe(r.StdOut);
    }

    [TestCaseSource(nameof(CommandLines))]
    public void Every_option_line_shows_its_default_or_that_it_is_required(string command)
    {
        var verb = command;
        var lines = PkgifyCli.RunChecked([.. command.Split(' '), "--help"]).StdOut.Split('\n');
        var entries = Entries(lines).Where(e => !e.Name.StartsWith("-h, --help", StringComparison.Ordinal)).ToList();
        entries.ShouldNotBeEmpty();
        foreach (var (name, text) in entries)
            text.ShouldMatch(@"\[(default: [^\]]+|required)\]$", $"{verb} {name}");
    }

    [Test]
    public void Version()
    {
        var r = PkgifyCli.RunChecked("--version");
        r.StdOut.ShouldMatch(@"^pkgify \d+\.\d+\.\d+( \(commit [0-9a-f]+\))?\n$");
        PkgifyCli.RunChecked("version").StdOut.ShouldBe(r.StdOut);
    }

    [TestCase(new[] { "biuld" }, "pkgify: error: unknown command 'biuld': did you mean 'build'?")]
    [TestCase(new[] { "help", "inspcet" }, "pkgify: error: unknown command 'inspcet': did you mean 'inspect'?")]
    [TestCase(new[] { "build", "--compresion", "xz" }, "pkgify: error: unknown option '--compresion': did you mean '--compression'?")]
    [TestCase(new[] { "pack", "tree", "--name", "x", "--version", "1", "--ouptut", "d" }, "pkgify: error: unknown option '--ouptut': did you mean '--output'?")]
    [TestCase(new[] { "build", "-x" }, "pkgify: error: unknown option '-x': pkgify build --help lists the options")]
    [TestCase(new[] { "build", "--level", "high" }, "pkgify: error: option '--level': 'high' is not valid: give a whole number")]
    [TestCase(new[] { "pack", "tree" }, "pkgify: error: pkgify pack: --name is required: usage: pkgify pack TREE --name NAME --version VERSION [OPTIONS]")]
    [TestCase(new[] { "inspect" }, "pkgify: error: pkgify inspect: an argument is missing: usage: pkgify inspect FILE [OPTIONS]")]
    public void A_command_line_mistake_is_one_line_with_the_fix(string[] args, string expected)
    {
        var r = PkgifyCli.Run(args);
        r.ExitCode.ShouldBe(2);
        r.StdOut.ShouldBeEmpty();
        r.StdErr.ShouldBe(expected + "\n");
    }

    [Test]
    public void No_command_lists_the_commands()
    {
        var r = PkgifyCli.Run();
        r.ExitCode.ShouldBe(2);
        r.StdErr.ShouldBe($"pkgify: error: no command given: use one of {string.Join(", ", VerbNames)} (pkgify --help describes them)\n");
    }

    [Test]
    public void With_json_a_mistake_is_also_an_error_document_on_stdout()
    {
        var r = PkgifyCli.Run("build", "--json", "--compresion", "xz");
        r.ExitCode.ShouldBe(2);
        using var doc = System.Text.Json.JsonDocument.Parse(r.StdOut);
        doc.RootElement.GetProperty("error").GetProperty("message").GetString().ShouldBe("unknown option '--compresion': did you mean '--compression'?");
        doc.RootElement.GetProperty("error").GetProperty("exit_status").GetInt32().ShouldBe(2);
    }

    /// <summary>Option and argument entries: a line indented by two, then its continuation lines joined.</summary>
    private static IEnumerable<(string Name, string Text)> Entries(string[] lines)
    {
        var start = Array.FindIndex(lines, l => l is "arguments:" or "options:");
        string? name = null;
        var text = "";
        foreach (var line in lines.Skip(start))
        {
            if (line.StartsWith("  ", StringComparison.Ordinal) && !line.StartsWith("   ", StringComparison.Ordinal))
            {
                if (name is not null) yield return (name, text.Trim());
                var parts = line.Trim().Split("  ", 2, StringSplitOptions.TrimEntries);
                (name, text) = (parts[0], parts.Length > 1 ? parts[1] : "");
            }
            else if (line.StartsWith("   ", StringComparison.Ordinal))
                text += " " + line.Trim();
        }
        if (name is not null) yield return (name, text.Trim());
    }
}
