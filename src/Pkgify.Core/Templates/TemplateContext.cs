using System.Text;
using Pkgify.Core.Config;

namespace Pkgify.Core.Templates;

/// <summary>
/// Everything templates can use. Templates see each property in snake_case (<c>DebVersion</c> →
/// <c>deb_version</c>, <c>Service.EnvironmentFile</c> → <c>service.environment_file</c>). Build it
/// with <see cref="Create"/>; tests and special cases may set properties directly.
/// </summary>
public sealed record TemplateContext
{
    /// <summary>Package name.</summary>
    public required string Name { get; init; }

    /// <summary>Upstream version as configured.</summary>
    public required string Version { get; init; }

    /// <summary>Full Debian version (with epoch and revision).</summary>
    public required string DebVersion { get; init; }

    /// <summary>RPM Version.</summary>
    public required string RpmVersion { get; init; }

    /// <summary>RPM Release.</summary>
    public required string RpmRelease { get; init; }

    /// <summary>Epoch, or null.</summary>
    public int? Epoch { get; init; }

    /// <summary>One-line summary.</summary>
    public required string Summary { get; init; }

    /// <summary>Long description as configured, possibly empty.</summary>
    public required string Description { get; init; }

    /// <summary>Long description, falling back to the summary (RPM requires a %description).</summary>
    public string LongDescription => Description.Length > 0 ? Description : Summary;

    /// <summary>"Full Name &lt;email&gt;".</summary>
    public required string Maintainer { get; init; }

    /// <summary>License.</summary>
    public required string License { get; init; }

    /// <summary>Homepage URL, or null.</summary>
    public string? Homepage { get; init; }

    /// <summary>Debian architecture.</summary>
    public required string DebArch { get; init; }

    /// <summary>RPM architecture.</summary>
    public required string RpmArch { get; init; }

    /// <summary>Interpreter path the virtualenv was built with.</summary>
    public required string Python { get; init; }

    /// <summary>Debian Section.</summary>
    public string Section { get; init; } = "web";

    /// <summary>Debian Priority.</summary>
    public string Priority { get; init; } = "optional";

    /// <summary>RPM Group (rpmlint no-group-tag; Fedora no longer needs it, older tools show it).</summary>
    public string RpmGroup { get; init; } = "Applications/Internet";

    /// <summary>Distribution of the Debian changelog entry.</summary>
    public string Distribution { get; init; } = "unstable";

    /// <summary>Installed-Size in KiB.</summary>
    public required long InstalledSize { get; init; }

    /// <summary>Debian Depends entries.</summary>
    public required IReadOnlyList<string> DebDepends { get; init; }

    /// <summary>RPM Requires entries.</summary>
    public required IReadOnlyList<string> RpmRequires { get; init; }

    /// <summary>Target paths.</summary>
    public required TemplatePaths Paths { get; init; }

    /// <summary>The system service.</summary>
    public required TemplateService Service { get; init; }

    /// <summary>How the service runs.</summary>
    public required TemplateServer Server { get; init; }

    /// <summary>The WSGI callable, or null for kind "command".</summary>
    public TemplateWsgi? Wsgi { get; init; }

    /// <summary>Hooks.</summary>
    public required TemplateHooks Hooks { get; init; }

    /// <summary>The nginx site, or null.</summary>
    public TemplateNginx? Nginx { get; init; }

    /// <summary>Payload entries, for the spec's %files.</summary>
    public required IReadOnlyList<SpecFileEntry> Files { get; init; }

    /// <summary>
    /// Whether any file is a configuration file: rpmbuild then records config(NAME) = EVR as a provide and
    /// a require, which the spec states explicitly because its AutoReqProv: no turns that generator off.
    /// </summary>
    public bool HasConfigFiles => Files.Any(f => f.IsConfig);

    /// <summary>Bundled Python distributions.</summary>
    public required IReadOnlyList<BundledDistribution> Bundled { get; init; }

    /// <summary>The build date.</summary>
    public required TemplateDate Date { get; init; }

    /// <summary>The changelog, newest first: doc/changelog and the spec's %changelog render it.</summary>
    public IReadOnlyList<TemplateChangelogEntry> Changelog { get; init; } = [];

    /// <summary>Assembles the context from the configuration and the build's facts.</summary>
    public static TemplateContext Create(ProjectConfig config, BuildFacts facts)
    {
        var paths = TemplatePaths.For(config.Name);
        return new TemplateContext
        {
            Name = config.Name,
            Version = config.Version,
            DebVersion = facts.DebVersion,
            RpmVersion = facts.RpmVersion,
            RpmRelease = facts.RpmRelease,
            Epoch = facts.Epoch,
            Summary = config.Summary,
            Description = config.Description,
            Maintainer = config.Maintainer,
            License = config.License,
            Homepage = config.Homepage,
            DebArch = facts.DebArch,
            RpmArch = facts.RpmArch,
            Python = config.Python,
            InstalledSize = facts.InstalledSizeKiB,
            DebDepends = facts.DebDepends,
            RpmRequires = facts.RpmRequires,
            Paths = paths,
            Service = new TemplateService(config.Service.User, config.Service.Group, config.Service.EnvironmentFile, $"{config.Name}.service")
            {
                SecretFiles = [config.Service.EnvironmentFile, .. config.Config.Select(c => c.Dest)],
            },
            Server = ServerOf(config.Server),
            Wsgi = config.Wsgi is null ? null : WsgiOf(config.Wsgi, paths),
            Hooks = new TemplateHooks(config.Hooks.PostInstall),
            Nginx = config.Nginx is null ? null : new TemplateNginx(config.Nginx.ServerNames, ProxyPass(config.Server.Bind)),
            Files = facts.Files,
            Bundled = facts.Bundled.Select(b => b.OneLine()).ToList(),
            Date = TemplateDate.FromEpoch(facts.SourceDateEpoch),
            Changelog = facts.Changelog.Select(TemplateChangelogEntry.From).ToList(),
        };
    }

    private static TemplateServer ServerOf(ServerConfig server) => new(
        Kind: server.Kind.ToString().ToLowerInvariant(),
        Bind: server.Bind.ToString(),
        BindUnixPath: server.Bind.UnixPath,
        Workers: server.Workers,
        Command: server.Command);

    /// <summary>A script entry becomes an importable module through a symlink named after the script.</summary>
    private static TemplateWsgi WsgiOf(WsgiEntry entry, TemplatePaths paths)
    {
        if (entry.Module is not null) return new TemplateWsgi(entry.Module, entry.Callable, null, null, null);
        var module = ModuleName(Path.GetFileName(entry.ScriptPath!));
        return new TemplateWsgi(module, entry.Callable, paths.Wsgi, $"{paths.Wsgi}/{module}.py", $"{paths.App}/{entry.ScriptPath}");
    }

    /// <summary>"wsgiapp" → "wsgiapp", "wsgi-app.py" → "wsgi_app", "2app" → "_2app".</summary>
    internal static string ModuleName(string fileName)
    {
        var stem = fileName.EndsWith(".py", StringComparison.Ordinal) ? fileName[..^3] : fileName;
        var name = new StringBuilder();
        if (stem.Length == 0 || char.IsAsciiDigit(stem[0])) name.Append('_');
        foreach (var c in stem) name.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        return name.ToString();
    }

    /// <summary>Where nginx forwards to: the socket, or the TCP address (a wildcard address via loopback).</summary>
    private static string ProxyPass(BindAddress bind) => bind switch
    {
        { IsUnix: true } => $"http://unix:{bind.UnixPath}:",
        { Host: "0.0.0.0" } => $"http://127.0.0.1:{bind.Port}",
        { Host: "[::]" } => $"http://[::1]:{bind.Port}",
        _ => $"http://{bind.Host}:{bind.Port}",
    };
}
