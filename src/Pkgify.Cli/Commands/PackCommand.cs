using CommandLine;
using Pkgify.Cli.Output;
using Pkgify.Core.Model;
using Pkgify.Core.Pack;
using Pkgify.Formats.Compression;

namespace Pkgify.Cli.Commands;

[Verb("pack", HelpText = "Package an existing file tree (no Python involved), like fpm -s dir.")]
public sealed class PackOptions : WriteOptions
{
    [Value(0, MetaName = "TREE", Required = true, HelpText = "Directory whose contents are installed under --prefix.")]
    public string Tree { get; set; } = "";

    [Option("name", Required = true, HelpText = "Package name (lowercase letters, digits, + - .).")]
    public string Name { get; set; } = "";

    [Option("version", Required = true, HelpText = "Version; PEP 440 forms such as 1.4.2rc1 are mapped (1.4.2~rc1).")]
    public string Version { get; set; } = "";

    [Option("release", Default = "1", HelpText = "Package release (Debian revision).")]
    public string Release { get; set; } = "1";

    [Option("arch", HelpText = "Architecture (all/noarch, amd64/x86_64, ...). Default: all.")]
    public string? Arch { get; set; }

    [Option("prefix", MetaValue = "PATH", HelpText = "Where the tree is installed. Default: /opt/<name>.")]
    public string? Prefix { get; set; }

    [Option("depends", MetaValue = "RELATION", HelpText = "A dependency, e.g. \"libpq5 (>= 15)\" or \"a | b\"; repeat for more.")]
    public IEnumerable<string> Depends { get; set; } = Array.Empty<string>();

    [Option("config-file", MetaValue = "PATH", HelpText = "A configuration file (install path or path in TREE); kept on upgrade. Repeatable.")]
    public IEnumerable<string> ConfigFiles { get; set; } = Array.Empty<string>();

    [Option("before-install", MetaValue = "FILE", HelpText = "Script run before install (Debian preinst, rpm %pre); both families use it with their own arguments.")]
    public string? BeforeInstall { get; set; }

    [Option("after-install", MetaValue = "FILE", HelpText = "Script run after install (Debian postinst, rpm %post).")]
    public string? AfterInstall { get; set; }

    [Option("before-remove", MetaValue = "FILE", HelpText = "Script run before removal (Debian prerm, rpm %preun).")]
    public string? BeforeRemove { get; set; }

    [Option("after-remove", MetaValue = "FILE", HelpText = "Script run after removal (Debian postrm, rpm %postun).")]
    public string? AfterRemove { get; set; }

    [Option("summary", MetaValue = "TEXT", HelpText = "One-line summary. Default: the name.")]
    public string? Summary { get; set; }

    [Option("description", MetaValue = "TEXT", HelpText = "Longer description.")]
    public string? Description { get; set; }

    [Option("maintainer", HelpText = "Maintainer, 'Name <email>'.")]
    public string? Maintainer { get; set; }

    [Option("license", HelpText = "License (SPDX identifier).")]
    public string? License { get; set; }

    [Option("homepage", MetaValue = "URL", HelpText = "Project homepage URL.")]
    public string? Homepage { get; set; }

    [Option('o', "output", MetaValue = "DIR", Default = "dist", HelpText = "Output directory.")]
    public string Output { get; set; } = "dist";
}

public static class PackCommand
{
    public static int Run(PackOptions o)
    {
        // Loaded first: a bad key (wrong passphrase, public key) must stop the run before anything is written.
        var key = o.SignKey is null ? null : Pkgify.Core.Signing.SigningKeyFile.Load(o.SignKey);
        var request = new PackRequest
        {
            Tree = o.Tree,
            Name = o.Name,
            Version = o.Version,
            Release = o.Release,
            Architecture = o.Arch,
            Prefix = o.Prefix,
            Depends = o.Depends.ToList(),
            ConfigFiles = o.ConfigFiles.ToList(),
            Scripts = ScriptFiles(o),
            Formats = FormatList.Parse(o.Format),
            Compression = ParseCompression(o.Compression),
            Level = o.Level,
            Threads = o.Threads,
            OutputDirectory = o.Output,
            SourceDateEpoch = o.ResolveSourceDateEpoch(),
            Metadata = new PackageMetadata(o.Summary ?? "", o.Description ?? "", o.Maintainer ?? "",
                License: o.License ?? "", Homepage: o.Homepage ?? ""),
            SigningKey = key,
        };
        var results = ProgressUi.Run(o.Mode, o.Verbose, progress => DirectoryPackager.Pack(request, progress));
        if (o.Json)
            JsonOutput.Write(new { packages = results.Select(r => new { format = r.Format, path = r.Path, size = r.Size, sha256 = r.Sha256 }) });
        else if (!o.Quiet)
            foreach (var r in results)
                Console.WriteLine($"wrote {r.Path} ({r.Size} bytes, sha256 {r.Sha256})");
        return 0;
    }

    private static Dictionary<ScriptPhase, string> ScriptFiles(PackOptions o)
    {
        var scripts = new Dictionary<ScriptPhase, string>();
        foreach (var (phase, file) in new[] { (ScriptPhase.PreInstall, o.BeforeInstall), (ScriptPhase.PostInstall, o.AfterInstall),
                     (ScriptPhase.PreRemove, o.BeforeRemove), (ScriptPhase.PostRemove, o.AfterRemove) })
            if (file is not null)
                scripts[phase] = file;
        return scripts;
    }

    internal static CompressionKind ParseCompression(string name)
    {
        try
        {
            return CompressionCodec.Parse(name);
        }
        catch (ArgumentException e)
        {
            throw new Pkgify.Core.Errors.UsageException($"--compression: {e.Message}");
        }
    }
}
