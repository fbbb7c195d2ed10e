using CommandLine;
using Pkgify.Cli.Commands;
using Pkgify.Core.Errors;

namespace Pkgify.Cli;

/// <summary>
/// The thin front end: parse the verb, hand the request to Core, and turn failures into the contract's exit
/// statuses (0 ok, 1 build failed, 2 bad usage or configuration) with one line on stderr, no stack trace.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        var parser = new Parser(s =>
        {
            s.AllowMultiInstance = true;
            s.CaseInsensitiveEnumValues = true;
            s.HelpWriter = Console.Error;
        });
        try
        {
            return parser.ParseArguments<BuildOptions, PackOptions, InspectOptions, VerifyOptions, RenderOptions>(args).MapResult(
                (BuildOptions o) => BuildCommand.Run(o),
                (RenderOptions o) => RenderCommand.Run(o),
                (PackOptions o) => PackCommand.Run(o),
                (InspectOptions o) => InspectCommand.Run(o),
                (VerifyOptions o) => VerifyCommand.Run(o),
                errors => errors.Any(e => e.Tag is ErrorType.HelpRequestedError or ErrorType.VersionRequestedError or ErrorType.HelpVerbRequestedError) ? 0 : 2);
        }
        catch (PkgifyException e)
        {
            Console.Error.WriteLine($"pkgify: error: {e.Message}");
            return e.ExitCode;
        }
    }
}
