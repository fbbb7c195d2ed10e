using CommandLine;
using Pkgify.Core.Reading;

namespace Pkgify.Cli.Commands;

[Verb("verify", HelpText = "Check a package's internal consistency: structure, digests, sizes.")]
public sealed class VerifyOptions : CommonOptions
{
    [Value(0, MetaName = "FILE", Required = true, HelpText = "The package file.")]
    public string File { get; set; } = "";
}

public static class VerifyCommand
{
    public static int Run(VerifyOptions o)
    {
        var problems = PackageFiles.Verify(o.File);
        if (o.Json)
            JsonOutput.Write(new { file = o.File, ok = problems.Count == 0, problems });
        else if (problems.Count > 0)
            Console.Error.WriteLine($"pkgify: {o.File}: {problems[0]}" + (problems.Count > 1 ? $" (and {problems.Count - 1} more problems)" : ""));
        else if (!o.Quiet)
            Console.WriteLine($"{o.File}: OK");
        return problems.Count == 0 ? 0 : 1;
    }
}
