using System.Collections;
using System.Globalization;
using HandlebarsDotNet;

namespace Pkgify.Core.Templates;

/// <summary>
/// The helpers templates use. Output is never HTML-escaped (NoEscape), so every value taken from the
/// configuration must go through the escaping helper of the syntax it lands in:
/// <list type="bullet">
/// <item><c>{{sh v}}</c>: one POSIX shell word.</item>
/// <item><c>{{systemd v}}</c>: a whole unit-file setting value; <c>{{systemd-arg v}}</c>: one word of an Exec= line.</item>
/// <item><c>{{deb822 v}}</c>: a one-line control field; <c>{{deb822-folded v}}</c>: continuation lines (each preceded by a line break).</item>
/// <item><c>{{spec v}}</c>: a one-line spec tag; <c>{{spec-text v}}</c>: %description/%changelog text;
/// <c>{{spec-script v}}</c>: a scriptlet body; <c>{{spec-path v}}</c>: a %files path.</item>
/// <item><c>{{nginx v}}</c>: one nginx token; <c>{{oneline v}}</c>: text in a comment line.</item>
/// </list>
/// Plumbing: <c>(concat a b ...)</c>, <c>(join list ", ")</c>, <c>(relative "/a/b")</c> → "a/b",
/// <c>(include "rpm/pre")</c> renders another template with the same data.
/// </summary>
internal static class TemplateHelpers
{
    private static readonly (string Name, Func<string, string> Escape)[] Escapers =
    [
        ("sh", ShellQuoting.Quote),
        ("systemd", SystemdQuoting.Value),
        ("systemd-arg", SystemdQuoting.Argument),
        ("deb822", Deb822Text.Line),
        ("deb822-folded", Deb822Text.Folded),
        ("spec", SpecText.Tag),
        ("spec-text", SpecText.Text),
        ("spec-script", SpecText.Script),
        ("spec-path", SpecText.Path),
        ("nginx", NginxText.Token),
        ("oneline", OneLine),
    ];

    /// <summary>Names of the helpers that escape, for the test that every value goes through one.</summary>
    public static IEnumerable<string> EscaperNames => Escapers.Select(e => e.Name);

    public static void Register(IHandlebars handlebars, Func<string, string> include)
    {
        foreach (var (name, escape) in Escapers)
        {
            handlebars.RegisterHelper(name, (in HelperOptions _, in Context _, in Arguments args) => escape(Single(name, args)));
        }
        handlebars.RegisterHelper("concat", (in HelperOptions _, in Context _, in Arguments args) =>
            string.Concat(args.ToArray().Select(arg => Text("concat", arg))));
        handlebars.RegisterHelper("join", (in HelperOptions _, in Context _, in Arguments args) =>
        {
            Count("join", args, 2);
            if (args[0] is not IEnumerable items || args[0] is string) throw new TemplateValueException("", "join: the first argument must be a list");
            return string.Join(Text("join", args[1]), items.Cast<object?>().Select(item => Text("join", item)));
        });
        handlebars.RegisterHelper("relative", (in HelperOptions _, in Context _, in Arguments args) => Single("relative", args).TrimStart('/'));
        handlebars.RegisterHelper("include", (in HelperOptions _, in Context _, in Arguments args) => include(Single("include", args)));
    }

    /// <summary>For comment lines: any text, but on one line.</summary>
    private static string OneLine(string value) =>
        value.Any(char.IsControl)
            ? throw new TemplateValueException(value, "contains a line break or control character, which a one-line comment cannot hold")
            : value;

    private static string Single(string helper, Arguments args)
    {
        Count(helper, args, 1);
        return Text(helper, args[0]);
    }

    private static void Count(string helper, Arguments args, int expected)
    {
        if (args.Length != expected)
            throw new TemplateValueException("", $"helper '{helper}' takes {expected} argument(s), got {args.Length}");
    }

    /// <summary>A scalar as text; null (an unset optional value) is an error, so templates must guard it with #if.</summary>
    private static string Text(string helper, object? value) => value switch
    {
        string s => s,
        int or long => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        null => throw new TemplateValueException("", $"helper '{helper}' got a value that is not set; guard it with {{{{#if ...}}}}"),
        _ => throw new TemplateValueException("", $"helper '{helper}' needs a single value, not {value.GetType().Name}"),
    };
}
