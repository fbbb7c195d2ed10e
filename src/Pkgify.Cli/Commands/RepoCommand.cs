using CommandLine;
using Pkgify.Core.Errors;

namespace Pkgify.Cli.Commands;

/// <summary>
/// <c>pkgify repo apt|yum DIR</c>. The parser has no nested verbs, so <see cref="Rewrite"/> turns "repo apt" into
/// the hidden verb "repo-apt"; this visible verb only answers "repo" without a kind.
/// </summary>
[Verb("repo", HelpText = "Build (or refresh) a signed repository: pkgify repo apt DIR ... | pkgify repo yum DIR ...")]
public sealed class RepoOptions : CommonOptions
{
    [Value(0, MetaName = "KIND", HelpText = "apt or yum.")]
    public string? Kind { get; set; }
}

public static class RepoCommand
{
    private static readonly string[] Kinds = ["apt", "yum"];

    /// <summary>"repo apt ..." becomes "repo-apt ..."; anything else is left alone.</summary>
    public static string[] Rewrite(string[] args) =>
        args.Length >= 2 && args[0] == "repo" && Kinds.Contains(args[1])
            ? [$"repo-{args[1]}", .. args[2..]]
            : args;

    public static int Run(RepoOptions o) =>
        throw new UsageException(o.Kind is null
            ? "repo: say which kind: pkgify repo apt DIR --dist D --component C, or pkgify repo yum DIR"
            : $"repo: unknown kind '{o.Kind}': use apt or yum");
}
