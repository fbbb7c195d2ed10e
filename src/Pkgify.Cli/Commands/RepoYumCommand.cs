using CommandLine;
using Pkgify.Cli.Output;
using Pkgify.Core.Repositories.Yum;

namespace Pkgify.Cli.Commands;

[Verb("repo-yum", Hidden = true, HelpText = "pkgify repo yum DIR: build or refresh a signed yum/dnf repository from the .rpm files in DIR.")]
public sealed class RepoYumOptions : RepositoryOptions
{
    [Option("sign-packages", HelpText = "Also sign every .rpm (in place, header signature) with --sign-key.")]
    public bool SignPackages { get; set; }
}

public static class RepoYumCommand
{
    public static int Run(RepoYumOptions o)
    {
        var key = o.LoadRepositoryKey();
        var result = ProgressUi.Run(o.Mode, o.Verbose, progress => YumRepositoryPublisher.Publish(new YumRepositoryRequest
        {
            Progress = progress,
            Directory = o.Directory,
            SigningKey = key,
            SignPackages = o.SignPackages,
            SourceDateEpoch = o.ResolveSourceDateEpoch(),
        }));
        o.ExportPublicKey(key);
        if (o.Json)
            JsonOutput.Write(new
            {
                repomd = result.Repomd,
                signed = result.Signed,
                packages = result.Packages.Select(p => new { name = p.Name, epoch = p.Epoch, version = p.Version, release = p.Release, arch = p.Arch, location = p.Location, pkgid = p.PkgId }),
                signed_packages = result.SignedPackages.Select(s => new { path = s.Path, changed = s.Changed }),
                removed = result.Removed,
            });
        else if (!o.Quiet)
            Console.WriteLine($"{result.Repomd}: {result.Packages.Count} packages{(result.SignedPackages.Count > 0 ? $" ({result.SignedPackages.Count(s => s.Changed)} signed now)" : "")}, "
                              + $"{(result.Signed ? "signed" : "unsigned")}");
        return 0;
    }
}
