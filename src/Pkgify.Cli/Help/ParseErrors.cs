using CommandLine;
using Pkgify.Core.Config;

namespace Pkgify.Cli.Help;

/// <summary>
/// Turns the parser's errors into pkgify's one-line usage errors with a fix ("did you mean ...?"); the parser's
/// own help screen is never shown for a mistake, so a typo costs one line, not a page.
/// </summary>
internal static class ParseErrors
{
    /// <summary>The message for the first error that is a mistake (help and version requests are not).</summary>
    public static string Describe(IEnumerable<Error> errors, VerbEntry? verb, IReadOnlyList<string> args)
    {
        var error = errors.First(e => e.Tag is not (ErrorType.HelpRequestedError or ErrorType.VersionRequestedError or ErrorType.HelpVerbRequestedError));
        var docs = verb is null ? [] : OptionDoc.For(verb.OptionsType);
        var command = verb is null ? "pkgify" : "pkgify " + UsageText.DisplayName(verb);
        return error switch
        {
            BadVerbSelectedError bad => UnknownCommand(bad.Token),
            NoVerbSelectedError => $"no command given: use one of {string.Join(", ", Verbs.Visible.Select(v => v.Name))} (pkgify --help describes them)",
            UnknownOptionError unknown => UnknownOption(unknown.Token, docs, args, command),
            MissingRequiredOptionError missing when missing.NameInfo.LongName.Length == 0 && missing.NameInfo.ShortName.Length == 0 =>
                $"{command}: an argument is missing: usage: {Usage(verb)}",
            MissingRequiredOptionError missing => $"{command}: --{missing.NameInfo.LongName} is required: usage: {Usage(verb)}",
            MissingValueOptionError missing => $"option '{Typed(missing.NameInfo)}' needs a value: {Typed(missing.NameInfo)} {Meta(missing.NameInfo, docs)}",
            BadFormatConversionError bad => BadValue(bad.NameInfo, docs, args),
            SequenceOutOfRangeError range => $"option '{Typed(range.NameInfo)}' has too many or too few values",
            RepeatedOptionError repeated => $"option '{Typed(repeated.NameInfo)}' is given more than once: keep one",
            SetValueExceptionError set => $"option '{Typed(set.NameInfo)}': '{set.Value}' cannot be used: {set.Exception.Message}",
            _ => $"cannot read the command line ({error.Tag}): {command} --help shows the usage",
        };
    }

    /// <summary>"unknown command 'biuld': did you mean 'build'?"</summary>
    public static string UnknownCommand(string typed)
    {
        var names = Verbs.Visible.Select(v => v.Name).ToList();
        return KeySuggester.Closest(typed, names) is { } near
            ? $"unknown command '{typed}': did you mean '{near}'?"
            : $"unknown command '{typed}': use one of {string.Join(", ", names)}";
    }

    private static string UnknownOption(string token, IReadOnlyList<OptionDoc> docs, IReadOnlyList<string> args, string command)
    {
        // The parser hands back the name without its dashes; show it as it was typed.
        var typed = args.FirstOrDefault(a => a == "--" + token || a.StartsWith("--" + token + "=", StringComparison.Ordinal)) is not null
            ? "--" + token
            : "-" + token;
        var longNames = docs.Where(d => d.LongName is not null).Select(d => d.LongName!).Append("help").ToList();
        var near = typed.StartsWith("--", StringComparison.Ordinal) ? KeySuggester.Closest(token, longNames) : null;
        return near is not null
            ? $"unknown option '{typed}': did you mean '--{near}'?"
            : $"unknown option '{typed}': {command} --help lists the options";
    }

    private static string BadValue(NameInfo name, IReadOnlyList<OptionDoc> docs, IReadOnlyList<string> args)
    {
        var value = ValueAfter(name, args);
        var meta = Meta(name, docs);
        var expected = meta == "N" ? "a whole number" : meta;
        return $"option '{Typed(name)}': '{value}' is not valid: give {expected}";
    }

    /// <summary>The word after the option (or after its '='), as the user typed it.</summary>
    private static string ValueAfter(NameInfo name, IReadOnlyList<string> args)
    {
        for (var i = 0; i < args.Count; i++)
        {
            var a = args[i];
            if (name.LongName.Length > 0 && a.StartsWith($"--{name.LongName}=", StringComparison.Ordinal))
                return a[(name.LongName.Length + 3)..];
            if ((a == "--" + name.LongName || (name.ShortName.Length > 0 && a == "-" + name.ShortName)) && i + 1 < args.Count)
                return args[i + 1];
        }
        return "";
    }

    private static string Typed(NameInfo name) => name.LongName.Length > 0 ? "--" + name.LongName : "-" + name.ShortName;

    private static string Meta(NameInfo name, IReadOnlyList<OptionDoc> docs) =>
        docs.FirstOrDefault(d => d.LongName == name.LongName)?.MetaValue is { Length: > 0 } meta ? meta : "VALUE";

    private static string Usage(VerbEntry? verb) =>
        verb is null ? "pkgify COMMAND" : UsageText.ForVerb(verb).Split('\n')[0]["usage: ".Length..];
}
