using CommandLine;
using Pkgify.Cli.Output;
using Pkgify.Core.Build;

namespace Pkgify.Cli.Commands;

[Verb("deps", HelpText = "Show each dependency and where it came from: declared, mapped, ELF files, interpreter.")]
public sealed class DepsOptions : CommonOptions
{
    [Value(0, MetaName = "DIR", Default = ".", HelpText = "The project directory.")]
    public string Directory { get; set; } = ".";
}

public static class DepsCommand
{
    public static int Run(DepsOptions o)
    {
        var prepared = ProgressUi.Run(o.Mode, o.Verbose, progress => ProjectBuilder.Prepare(new BuildRequest { ProjectDir = o.Directory }, progress));
        var report = prepared.Dependencies;
        var rows = report.Relations.Select(r => new
        {
            family = r.Family,
            kind = r.Kind,
            relation = r.Family == Pkgify.Core.Model.PackageFamily.Deb ? r.Relation.ToDeb() : r.Relation.ToRpm(),
            origin = r.Origin.Kind,
            detail = r.Origin.Detail,
        }).ToList();
        if (o.Json)
        {
            JsonOutput.Write(new { architecture = report.Architecture.Deb, elf_files = report.ElfFiles, relations = rows });
            return 0;
        }
        foreach (var row in rows)
            Console.WriteLine($"{row.family.ToString().ToLowerInvariant(),-4} {row.kind.ToString().ToLowerInvariant(),-10} {row.relation,-40} {row.origin}: {row.detail}");
        return 0;
    }
}
