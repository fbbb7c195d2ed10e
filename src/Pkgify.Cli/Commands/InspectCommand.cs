using CommandLine;
using Pkgify.Core.Reading;

namespace Pkgify.Cli.Commands;

[Verb("inspect", HelpText = "Show any .deb or .rpm: metadata, relations, scripts, files.")]
public sealed class InspectOptions : CommonOptions
{
    [Value(0, MetaName = "FILE", Required = true, HelpText = "The package file.")]
    public string File { get; set; } = "";
}

public static class InspectCommand
{
    public static int Run(InspectOptions o)
    {
        var p = PackageFiles.Inspect(o.File);
        if (o.Json)
        {
            JsonOutput.Write(p);
            return 0;
        }
        Console.WriteLine($"{p.Format} {p.Name} {(p.Epoch > 0 ? p.Epoch + ":" : "")}{p.Version}{(p.Release.Length > 0 ? "-" + p.Release : "")} {p.Architecture}");
        Console.WriteLine($"summary: {p.Summary}");
        foreach (var (label, list) in new[] { ("pre-depends", p.PreDepends), ("depends", p.Depends), ("recommends", p.Recommends), ("suggests", p.Suggests), ("provides", p.Provides), ("conflicts", p.Conflicts), ("breaks", p.Breaks), ("replaces", p.Replaces), ("obsoletes", p.Obsoletes) })
            if (list.Count > 0)
                Console.WriteLine($"{label}: {string.Join(", ", list)}");
        foreach (var (phase, text) in p.Scripts)
            Console.WriteLine($"script {phase}: {LineCount(text)} lines");
        Console.WriteLine($"files: {p.Files.Count}");
        foreach (var f in p.Files)
            Console.WriteLine($"{f.Mode} {f.Owner}/{f.Group} {f.Size,10} {f.Type,-8} {f.Path}{(f.Target is null ? "" : " -> " + f.Target)}{(f.Config ? " [config]" : "")}");
        return 0;
    }

    /// <summary>
    /// Lines as wc -l and dpkg-deb --info count them, plus an unterminated last line: a script ending in a newline
    /// has no empty line after it.
    /// </summary>
    private static int LineCount(string text) =>
        text.Count(c => c == '\n') + (text.Length > 0 && text[^1] != '\n' ? 1 : 0);
}
