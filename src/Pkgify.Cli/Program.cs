using CommandLine;
using Pkgify.Cli.Commands;
using Pkgify.Cli.Help;
using Pkgify.Core.Errors;

namespace Pkgify.Cli;

/// <summary>
/// The thin front end: parse the verb, hand the request to Core, and turn failures into the contract's exit
/// statuses (0 ok, 1 build failed, 2 bad usage or configuration) with one line on stderr, no stack trace.
/// Help, version and command-line mistakes are written by us (<see cref="UsageText"/>, <see cref="ParseErrors"/>);
/// the parser's own help writer is off so its multi-line screens never leak out.
/// </summary>
public static class Program
{
    private const string JsonFlag = "--json";

    public static int Main(string[] args)
    {
        try
        {
            return Run(args);
        }
        catch (PkgifyException e)
        {
            return ErrorReport.Write(e.Message, e.ExitCode, json: args.Contains(JsonFlag));
        }
    }

    private static int Run(string[] args)
    {
        // "-h" is the short form people try first; no command uses it for anything else.
        // "repo apt" and "repo yum" are two words for the parser's hidden verbs repo-apt and repo-yum.
        args = RepoCommand.Rewrite([.. args.Select(a => a == "-h" ? "--help" : a)]);
        using var parser = new Parser(s =>
        {
            s.AllowMultiInstance = true;
            s.CaseInsensitiveEnumValues = true;
            s.HelpWriter = null;
        });
        var result = parser.ParseArguments(Commands.RepoCommand.Rewrite(args), Verbs.All.Select(v => v.OptionsType).ToArray());
        if (result is Parsed<object> parsed)
            return Verbs.Find(parsed.Value.GetType())!.Run(parsed.Value);

        var notParsed = (NotParsed<object>)result;
        var verb = Verbs.Find(notParsed.TypeInfo.Current);
        var errors = notParsed.Errors.ToList();
        if (errors.Any(e => e.Tag == ErrorType.VersionRequestedError))
            return Print(VersionText.Line);
        if (errors.OfType<HelpVerbRequestedError>().FirstOrDefault() is { } helpVerb)
        {
            // "pkgify help" or "pkgify help VERB".
            if (helpVerb.Matched && Verbs.Find(helpVerb.Type) is { } asked)
                return Print(UsageText.ForVerb(asked));
            // The parser does not say which word it could not match: it is the one after "help".
            var word = helpVerb.Verb ?? args.SkipWhile(a => a != "help").Skip(1).FirstOrDefault();
            if (word is null)
                return Print(UsageText.General());
            throw new UsageException(ParseErrors.UnknownCommand(word));
        }
        if (errors.Any(e => e.Tag == ErrorType.HelpRequestedError))
            return Print(verb is null ? UsageText.General() : UsageText.ForVerb(verb));
        throw new UsageException(ParseErrors.Describe(errors, verb, args));
    }

    private static int Print(string text)
    {
        Console.Out.Write(text.EndsWith('\n') ? text : text + "\n");
        return 0;
    }
}
