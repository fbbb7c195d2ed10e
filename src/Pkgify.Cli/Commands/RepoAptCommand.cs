using CommandLine;
using Pkgify.Cli.Output;
using Pkgify.Core.Repositories.Apt;

namespace Pkgify.Cli.Commands;

[Verb("repo-apt", Hidden = true, HelpText = "pkgify repo apt DIR: build or refresh a signed apt repository from the .deb files in DIR.")]
public sealed class RepoAptOptions : RepositoryOptions
{
    [Option("dist", MetaValue = "NAME", Default = "stable", HelpText = "Distribution (dists/<dist>/), the suite clients name in sources.list.")]
    public string Dist { get; set; } = "stable";

    [Option("component", MetaValue = "NAME", Default = "main", HelpText = "Component (pool/<component>/, dists/<dist>/<component>/).")]
    public string Component { get; set; } = "main";

    [Option("arch", MetaValue = "LIST", Separator = ',', HelpText = "Architectures to index (repeatable or comma-separated). Default: those of the packages.")]
    public IEnumerable<string> Arch { get; set; } = Array.Empty<string>();

    [Option("origin", MetaValue = "TEXT", HelpText = "Release Origin field.")]
    public string? Origin { get; set; }

    [Option("label", MetaValue = "TEXT", HelpText = "Release Label field.")]
    public string? Label { get; set; }

    [Option("suite", MetaValue = "NAME", HelpText = "Release Suite field (default: --dist).")]
    public string? Suite { get; set; }

    [Option("codename", MetaValue = "NAME", HelpText = "Release Codename field (default: --dist).")]
    public string? Codename { get; set; }
}

public static class RepoAptCommand
{
    public static int Run(RepoAptOptions o)
    {
        var key = o.LoadRepositoryKey();
        var result = ProgressUi.Run(o.Mode, o.Verbose, progress => AptRepositoryPublisher.Publish(new AptRepositoryRequest
        {
            Progress = progress,
            Directory = o.Directory,
            Distribution = o.Dist,
            Component = o.Component,
            Architectures = o.Arch.ToList(),
            Origin = o.Origin,
            Label = o.Label,
            Suite = o.Suite,
            Codename = o.Codename,
            SigningKey = key,
            SourceDateEpoch = o.ResolveSourceDateEpoch(),
        }));
        o.ExportPublicKey(key);
        foreach (var p in result.NotIndexed)
            Console.Error.WriteLine($"pkgify: warning: {p.Filename}: architecture {p.Architecture} is not indexed (give --arch {p.Architecture} to publish it)");
        if (o.Json)
            JsonOutput.Write(new
            {
                dist = result.DistDirectory,
                signed = result.Signed,
                architectures = result.Architectures,
                placed = result.Placed,
                packages = result.Packages.Select(p => new { name = p.Name, version = p.Version, architecture = p.Architecture, filename = p.Filename, sha256 = p.Digests.Sha256 }),
            });
        else if (!o.Quiet)
            Console.WriteLine($"{result.DistDirectory}: {result.Packages.Count} packages ({result.Placed.Count} new), "
                              + $"architectures {string.Join(' ', result.Architectures)}, {(result.Signed ? "signed" : "unsigned")}");
        return 0;
    }
}
