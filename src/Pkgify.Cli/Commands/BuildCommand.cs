using CommandLine;
using Pkgify.Cli.Output;
using Pkgify.Core.Build;

namespace Pkgify.Cli.Commands;

[Verb("build", HelpText = "The main job: read DIR/pkgify.yaml, build the virtualenv, stage, render templates, write the packages.")]
public sealed class BuildOptions : WriteOptions
{
    [Value(0, MetaName = "DIR", Default = ".", HelpText = "The project directory.")]
    public string Directory { get; set; } = ".";

    [Option('o', "output", MetaValue = "DIR", HelpText = "Output directory. Default: DIR/dist.")]
    public string? Output { get; set; }

    [Option("stage", MetaValue = "DIR", HelpText = "Also write the staged install tree (as the .rpm holds it) into this directory.")]
    public string? Stage { get; set; }

    [Option("no-cache", HelpText = "Build the virtualenv afresh instead of reusing a cached one.")]
    public bool NoCache { get; set; }
}

public static class BuildCommand
{
    public static int Run(BuildOptions o)
    {
        // Loaded first: a bad key must stop the build before the long work starts.
        var key = o.SignKey is null ? null : Pkgify.Core.Signing.SigningKeyFile.Load(o.SignKey);
        var request = new BuildRequest
        {
            ProjectDir = o.Directory,
            Formats = FormatList.Parse(o.Format),
            Compression = PackCommand.ParseCompression(o.Compression),
            Level = o.Level,
            Threads = o.Threads,
            OutputDirectory = o.Output,
            SourceDateEpoch = o.ResolveSourceDateEpoch(),
            StageDirectory = o.Stage,
            NoCache = o.NoCache,
            SigningKey = key,
        };
        var (build, packages) = ProgressUi.Run(o.Mode, o.Verbose, progress => ProjectBuilder.Build(request, progress));
        if (o.Json)
        {
            JsonOutput.Write(new
            {
                name = build.Model.Identity.Name,
                version = build.Model.Identity.Version.Deb,
                architecture = build.Model.Identity.Architecture.Deb,
                venv_reused = build.VenvReused,
                packages = packages.Select(r => new { format = r.Format, path = r.Path, size = r.Size, sha256 = r.Sha256 }),
            });
        }
        else if (!o.Quiet)
        {
            foreach (var r in packages)
                Console.WriteLine($"wrote {r.Path} ({r.Size} bytes, sha256 {r.Sha256})");
        }
        return 0;
    }
}
