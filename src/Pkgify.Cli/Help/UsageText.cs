using System.Text;

namespace Pkgify.Cli.Help;

/// <summary>
/// pkgify's help, written by us rather than by the parser so that every option shows its default and the
/// text is the same on every terminal (fixed width, no colour): it is snapshot-tested and feeds the man page.
/// </summary>
internal static class UsageText
{
    /// <summary>Help lines are wrapped to this width, the traditional terminal's.</summary>
    public const int Width = 80;

    private const int Indent = 2;
    private const int MaxNameColumn = 28;
    private const int Gap = 2;

    /// <summary><c>pkgify --help</c>.</summary>
    public static string General()
    {
        var w = new StringBuilder();
        w.Append("pkgify: ship Python web applications as native .deb and .rpm packages\n\n");
        w.Append("usage: pkgify COMMAND [ARGUMENTS] [OPTIONS]\n");
        w.Append("       pkgify COMMAND --help\n");
        w.Append("       pkgify --version\n\n");
        w.Append("commands:\n");
        var column = Verbs.Visible.Max(v => v.Name.Length) + Gap;
        foreach (var verb in Verbs.Visible)
            Row(w, verb.Name, verb.Verb.HelpText ?? "", column);
        w.Append('\n');
        Paragraph(w, "Every command takes --json (one machine-readable result on stdout), -q/--quiet (errors only) " +
            "and -v/--verbose (more detail). Progress is shown on a terminal; in a pipe or a log each step is one " +
            "line starting with \"pkgify: \". NO_COLOR turns colours off.");
        Paragraph(w, "Exit status: 0 success, 1 the build failed, 2 bad usage or bad configuration.");
        Paragraph(w, "Documentation: pkgify(1), README.md and docs/ (configuration.md, json.md, recipes.md).", last: true);
        return w.ToString();
    }

    /// <summary><c>pkgify VERB --help</c>.</summary>
    public static string ForVerb(VerbEntry verb)
    {
        var docs = OptionDoc.For(verb.OptionsType);
        var w = new StringBuilder();
        w.Append("usage: pkgify ").Append(DisplayName(verb)).Append(UsageArguments(docs)).Append(" [OPTIONS]\n\n");
        Paragraph(w, verb.Verb.HelpText ?? "");
        var arguments = docs.Where(d => d.IsArgument).ToList();
        var options = docs.Where(d => !d.IsArgument).Append(HelpOption).ToList();
        var column = Math.Min(MaxNameColumn, docs.Concat(options).Max(d => Label(d).Length) + Gap);
        if (arguments.Count > 0)
        {
            w.Append("arguments:\n");
            foreach (var a in arguments) Row(w, Label(a), WithDefault(a), column);
            w.Append('\n');
        }
        w.Append("options:\n");
        foreach (var o in options) Row(w, Label(o), WithDefault(o), column);
        return w.ToString();
    }

    /// <summary>"repo-apt" (a hidden verb standing for two words) is typed "repo apt".</summary>
    public static string DisplayName(VerbEntry verb) => verb.Verb.Hidden ? verb.Name.Replace('-', ' ') : verb.Name;

    private static string UsageArguments(IEnumerable<OptionDoc> docs)
    {
        var text = new StringBuilder();
        foreach (var d in docs.Where(d => d.IsArgument))
            text.Append(d.Default == "required" ? $" {d.Names}" : $" [{d.Names}]");
        foreach (var d in docs.Where(d => !d.IsArgument && d.Default == "required"))
            text.Append($" --{d.LongName} {d.MetaValue}");
        return text.ToString();
    }

    private static string Label(OptionDoc d) => d.MetaValue.Length == 0 ? d.Names : $"{d.Names} {d.MetaValue}";

    private static string WithDefault(OptionDoc d) =>
        d == HelpOption ? d.Text : d.Default == "required" ? $"{d.Text} [required]" : $"{d.Text} [default: {d.Default}]";

    /// <summary>The parser's built-in --help, listed like the others.</summary>
    private static readonly OptionDoc HelpOption = new("-h, --help", "", "Show this help and exit.", "off", "help", "h");

    /// <summary>A name and its wrapped description; a name too long for the column gets its own line.</summary>
    private static void Row(StringBuilder w, string name, string text, int column)
    {
        var lead = new string(' ', Indent) + name;
        var lines = Wrap(text, Width - Indent - column);
        var first = true;
        if (lead.Length + Gap > Indent + column)
        {
            w.Append(lead).Append('\n');
            first = false;
        }
        foreach (var line in lines)
        {
            w.Append(first ? lead.PadRight(Indent + column) : new string(' ', Indent + column)).Append(line).Append('\n');
            first = false;
        }
    }

    private static void Paragraph(StringBuilder w, string text, bool last = false)
    {
        foreach (var line in Wrap(text, Width)) w.Append(line).Append('\n');
        if (!last) w.Append('\n');
    }

    private static List<string> Wrap(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }
        if (line.Length > 0 || lines.Count == 0) lines.Add(line.ToString());
        return lines;
    }
}
