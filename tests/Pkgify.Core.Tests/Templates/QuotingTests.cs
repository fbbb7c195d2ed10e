using NUnit.Framework;
using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Templates;

/// <summary>The escaping helpers, each against its syntax's rules (and the real shell where one exists).</summary>
public class QuotingTests
{
    private static readonly string[] Awkward =
    [
        "", "plain", "it's", "a b", "$(id)", "`id`", "\"q\"", "back\\slash", "semi;colon", "new\nline", "tab\there",
        "'", "''", "*", "~user", "#hash", "-dash", "%n", "ünïcödé", "a'b\"c$d`e\\f",
    ];

    [Test]
    public void Sh_quoting_survives_the_real_shell_unchanged()
    {
        // One run of sh prints every quoted word with NUL separators: what sh reads must be the input.
        var script = string.Concat(Awkward.Select(value => $"printf '%s\\0' {ShellQuoting.Quote(value)}\n"));
        var result = ToolRunner.Run("sh", ["-c", script]);
        result.ExitCode.ShouldBe(0, result.ToString());
        result.Stdout.Split('\0')[..^1].ShouldBe(Awkward);
    }

    [TestCase("ledger", "ledger")]
    [TestCase("/opt/ledger/venv", "/opt/ledger/venv")]
    [TestCase("it's", "'it'\\''s'")]
    [TestCase("", "''")]
    [TestCase("~root", "'~root'")]
    public void Sh_quoting_leaves_plain_words_bare(string value, string quoted) => ShellQuoting.Quote(value).ShouldBe(quoted);

    [TestCase("Ledger 100% done", "Ledger 100%% done")]
    [TestCase("say \"hi\" $HOME", "say \"hi\" $HOME")]
    public void Systemd_values_double_specifiers(string value, string escaped) => SystemdQuoting.Value(value).ShouldBe(escaped);

    [TestCase("two\nlines")]
    [TestCase(" leading")]
    [TestCase("trailing\\")]
    [TestCase("")]
    public void Systemd_values_refuse_what_systemd_would_change(string value) =>
        Should.Throw<TemplateValueException>(() => SystemdQuoting.Value(value));

    [TestCase("/opt/x/bin/gunicorn", "/opt/x/bin/gunicorn")]
    [TestCase("unix:/run/x/x.sock", "unix:/run/x/x.sock")]
    [TestCase("a b", "\"a b\"")]
    [TestCase("$HOME %n", "\"$$HOME %%n\"")]
    [TestCase("$HOME", "$$HOME")]
    [TestCase("say \"hi\"\\", "\"say \\\"hi\\\"\\\\\"")]
    [TestCase("it's", "\"it's\"")]
    [TestCase(";", "\\;")]
    [TestCase("", "\"\"")]
    public void Systemd_arguments_quote_and_escape(string value, string escaped) => SystemdQuoting.Argument(value).ShouldBe(escaped);

    [Test]
    public void Deb822_folding_follows_policy()
    {
        Deb822Text.Folded("").ShouldBe("");
        Deb822Text.Folded("\n\nOne.\n\n\nTwo  \n  verbatim\n\n").ShouldBe("\n One.\n .\n .\n Two\n   verbatim");
        Deb822Text.Line("  padded  ").ShouldBe("padded");
        Should.Throw<TemplateValueException>(() => Deb822Text.Line("a\nPackage: evil"));
        Should.Throw<TemplateValueException>(() => Deb822Text.Line("   "));
    }

    [Test]
    public void Spec_text_keeps_sections_and_comments_out_of_free_text()
    {
        SpecText.Tag("100% %{_bindir}").ShouldBe("100%% %%{_bindir}");
        SpecText.Text("%files\n# not a comment\n  %x\nok 5%").ShouldBe(" %%files\n # not a comment\n  %%x\nok 5%%");
        SpecText.Script("# comment\n%pre\necho ${x%%y}").ShouldBe("# comment\n %%pre\necho ${x%%%%y}");
        SpecText.Path("/opt/x/a b.py").ShouldBe("\"/opt/x/a b.py\"");
        SpecText.Path("/opt/x/it's [1]*?.py").ShouldBe("\"/opt/x/it\\'s\\ [[]1[]][*][?].py\"");
        SpecText.Path("/opt/x/5%.py").ShouldBe("\"/opt/x/5%%.py\"");
        foreach (var bad in new[] { "/a\"b", "/a\\b", "/a{b}", "/a\nb" })
            Should.Throw<TemplateValueException>(() => SpecText.Path(bad));
        Should.Throw<TemplateValueException>(() => SpecText.Tag("a\nb"));
    }

    [Test]
    public void Nginx_tokens_refuse_syntax_characters()
    {
        NginxText.Token("ledger.example.com").ShouldBe("ledger.example.com");
        foreach (var bad in new[] { "", "a b", "a;", "a}", "$host", "a#b", "'a'" })
            Should.Throw<TemplateValueException>(() => NginxText.Token(bad));
    }
}
