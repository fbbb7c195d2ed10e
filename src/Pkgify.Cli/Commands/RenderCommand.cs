using CommandLine;
using Pkgify.Cli.Output;
using Pkgify.Core.Build;

namespace Pkgify.Cli.Commands;

[Verb("render", HelpText = "Print the rendered control file, spec, maintainer scripts and unit file, without writing packages.")]
public sealed class RenderOptions : CommonOptions
{
    [Value(0, MetaName = "DIR", Default = ".", HelpText = "The project directory.")]
    public string Directory { get; set; } = ".";

    [Option("only", MetaValue = "NAME", HelpText = "Print only this template's output (e.g. rpm/spec, deb/postinst, systemd/unit).")]
    public string? Only { get; set; }

    [Option("source-date-epoch", MetaValue = "SECONDS", HelpText = "Timestamp used in rendered dates (default: $SOURCE_DATE_EPOCH).")]
    public long? SourceDateEpoch { get; set; }
}

public static class RenderCommand
{
    public static int Run(RenderOptions o)
    {
        var epoch = o.SourceDateEpoch ?? (long.TryParse(Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH"), out var e) ? e : null);
        var prepared = ProgressUi.Run(o.Mode, o.Verbose,
            progress => ProjectBuilder.Prepare(new BuildRequest { ProjectDir = o.Directory, SourceDateEpoch = epoch }, progress));
        var rendered = prepared.Rendered;
        if (o.Only is { } only)
        {
            if (!rendered.TryGetValue(only, out var text))
                throw new Pkgify.Core.Errors.UsageException($"--only: no rendered output named '{only}': use one of {string.Join(", ", rendered.Keys)}");
            Console.Out.Write(text);
            return 0;
        }
        if (o.Json)
        {
            JsonOutput.Write(rendered);
            return 0;
        }
        foreach (var (name, text) in rendered)
        {
            Console.Out.WriteLine($"==> {name} <==");
            Console.Out.Write(text.EndsWith('\n') ? text : text + "\n");
            Console.Out.WriteLine();
        }
        return 0;
    }
}
