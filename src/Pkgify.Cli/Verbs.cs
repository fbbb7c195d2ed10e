using System.Reflection;
using CommandLine;
using Pkgify.Cli.Commands;

namespace Pkgify.Cli;

/// <summary>One command: its options class (with the [Verb] attribute) and what runs it.</summary>
internal sealed record VerbEntry(Type OptionsType, Func<object, int> Run)
{
    public VerbAttribute Verb => OptionsType.GetCustomAttribute<VerbAttribute>()
        ?? throw new InvalidOperationException($"{OptionsType.Name} has no [Verb]");

    /// <summary>The name users type (a hidden "repo-apt" is typed "repo apt").</summary>
    public string Name => Verb.Name;
}

/// <summary>
/// Every command, in the order help lists them. Adding a command is one line here: the parser, help,
/// suggestions and the help snapshot tests all read this table.
/// </summary>
internal static class Verbs
{
    public static readonly IReadOnlyList<VerbEntry> All =
    [
        Entry<InitOptions>(InitCommand.Run),
        Entry<BuildOptions>(BuildCommand.Run),
        Entry<RenderOptions>(RenderCommand.Run),
        Entry<PackOptions>(PackCommand.Run),
        Entry<InspectOptions>(InspectCommand.Run),
        Entry<VerifyOptions>(VerifyCommand.Run),
        Entry<DepsOptions>(DepsCommand.Run),
        Entry<SignOptions>(SignCommand.Run),
        Entry<RepoOptions>(RepoCommand.Run),
        Entry<RepoAptOptions>(RepoAptCommand.Run),
        Entry<RepoYumOptions>(RepoYumCommand.Run),
    ];

    /// <summary>The commands help shows (hidden helper verbs left out).</summary>
    public static IEnumerable<VerbEntry> Visible => All.Where(v => !v.Verb.Hidden);

    public static VerbEntry? Find(Type optionsType) => All.FirstOrDefault(v => v.OptionsType == optionsType);

    public static VerbEntry? Find(string name) => All.FirstOrDefault(v => v.Name == name);

    private static VerbEntry Entry<T>(Func<T, int> run) => new(typeof(T), o => run((T)o));
}
