namespace Pkgify.Core.Config;

/// <summary>
/// Everything <c>pkgify.yaml</c> says about a project, with every default already applied
/// (see <see cref="ConfigLoader"/> and the contract's "pkgify.yaml" section). Paths to project
/// files are absolute; paths on the target system are absolute target paths.
/// </summary>
public sealed record ProjectConfig
{
    /// <summary>Absolute path of the project directory.</summary>
    public required string ProjectDir { get; init; }

    /// <summary>Absolute path of <c>pkgify.yaml</c>, or null when the project has none (zero configuration).</summary>
    public string? ConfigFile { get; init; }

    /// <summary>Package name, valid for Debian (Policy §5.6.7) and RPM.</summary>
    public required string Name { get; init; }

    /// <summary>Upstream version as written (PEP 440 or Debian-style); family conversion happens later.</summary>
    public required string Version { get; init; }

    /// <summary>Package release (Debian revision / RPM Release), default "1".</summary>
    public required string Release { get; init; }

    /// <summary>One-line summary (Debian synopsis, RPM Summary).</summary>
    public required string Summary { get; init; }

    /// <summary>Long description, possibly several lines; empty when none was given.</summary>
    public required string Description { get; init; }

    /// <summary>"Full Name &lt;email&gt;".</summary>
    public required string Maintainer { get; init; }

    /// <summary>License name or SPDX expression.</summary>
    public required string License { get; init; }

    /// <summary>Project URL, or null.</summary>
    public string? Homepage { get; init; }

    /// <summary>Absolute path of the interpreter that builds the virtualenv and must exist on targets.</summary>
    public required string Python { get; init; }

    /// <summary>Absolute path of the pinned requirements file, or null when the project has none.</summary>
    public string? Requirements { get; init; }

    /// <summary>Absolute path of a wheel directory for <c>pip --no-index --find-links</c>, or null.</summary>
    public string? Wheelhouse { get; init; }

    /// <summary>Package index URL for pip, or null (pip's own configuration applies).</summary>
    public string? IndexUrl { get; init; }

    /// <summary>The application tree installed at <c>/opt/&lt;name&gt;/app</c>.</summary>
    public required AppConfig App { get; init; }

    /// <summary>The WSGI entry point, or null when none is declared and <c>bin/wsgiapp</c> does not exist.</summary>
    public WsgiEntry? Wsgi { get; init; }

    /// <summary>How the service runs the application.</summary>
    public required ServerConfig Server { get; init; }

    /// <summary>The system account and environment of the service.</summary>
    public required ServiceConfig Service { get; init; }

    /// <summary>Absolute path of the external (system) dependency list, or null.</summary>
    public string? ExternalDependencies { get; init; }

    /// <summary>Extra relations per package family, written as that family writes them.</summary>
    public required FamilyRelations Depends { get; init; }

    /// <summary>Extra external-name → package-name mappings, sorted by external name (ordinal).</summary>
    public required IReadOnlyDictionary<string, PackageMapping> Mappings { get; init; }

    /// <summary>Configuration files shipped as conffiles / %config(noreplace), in file order.</summary>
    public required IReadOnlyList<ConfigFileEntry> Config { get; init; }

    /// <summary>Maintainer-script hooks.</summary>
    public required HooksConfig Hooks { get; init; }

    /// <summary>The nginx site, or null when <c>nginx.server_name</c> is not set.</summary>
    public NginxConfig? Nginx { get; init; }

    /// <summary>Absolute path of the template override directory, or null.</summary>
    public string? Templates { get; init; }

    /// <summary>Where each value came from, for error messages that name a file and line.</summary>
    public required ConfigOrigins Origins { get; init; }
}
