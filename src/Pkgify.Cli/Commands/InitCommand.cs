using CommandLine;
using Pkgify.Core.Init;

namespace Pkgify.Cli.Commands;

[Verb("init", HelpText = "Write a starter pkgify.yaml from what is found in DIR (requirements, wheelhouse, WSGI callable...).")]
public sealed class InitOptions : CommonOptions
{
    [Value(0, MetaName = "DIR", Default = ".", HelpText = "The project directory.")]
    public string Directory { get; set; } = ".";

    [Option("force", HelpText = "Replace an existing pkgify.yaml.")]
    public bool Force { get; set; }

    [Option("name", HelpText = "Package name to write. Default: from pyproject.toml, else the directory name.")]
    public string? Name { get; set; }

    [Option("python", MetaValue = "PATH", HelpText = "Interpreter to write as python:. Default: the versioned interpreter /usr/bin/python3 points at.")]
    public string? Python { get; set; }
}

public static class InitCommand
{
    public static int Run(InitOptions o)
    {
        var result = ProjectInitializer.Init(new InitRequest(o.Directory, o.Force, o.Python, o.Name));
        var s = result.Survey;
        if (o.Json)
        {
            JsonOutput.Write(new
            {
                path = result.ConfigFile,
                name = s.Name.Value,
                version = s.Version.Value,
                python = s.Python.Value,
                requirements = s.Requirements?.Value,
                wheelhouse = s.Wheelhouse?.Value,
                external_dependencies = s.ExternalDependencies?.Value,
                wsgi = s.Wsgi?.Value,
                server = s.Server.Value.ToString().ToLowerInvariant(),
                warnings = s.Warnings,
            });
            return 0;
        }
        foreach (var warning in s.Warnings)
            Console.Error.WriteLine($"pkgify: warning: {warning}");
        if (!o.Quiet)
        {
            Console.WriteLine($"wrote {result.ConfigFile}");
            Console.WriteLine($"next: pkgify render {o.Directory}   (check it), then pkgify build {o.Directory}");
        }
        return 0;
    }
}
