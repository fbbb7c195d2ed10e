using Pkgify.Core.Config;

namespace Pkgify.Core.Init;

/// <summary>
/// What <c>pkgify init</c> found in a project directory. Paths are relative to the project, '/'-separated.
/// A null finding means nothing was found: the starter file shows that key as a commented example.
/// </summary>
public sealed record ProjectSurvey
{
    /// <summary>Absolute path of the project directory.</summary>
    public required string ProjectDir { get; init; }

    /// <summary>The package name.</summary>
    public required Found<string> Name { get; init; }

    /// <summary>True when the name comes from pyproject.toml, which the build reads itself.</summary>
    public bool NameFromPyProject { get; init; }

    /// <summary>The version.</summary>
    public required Found<string> Version { get; init; }

    /// <summary>True when the version comes from pyproject.toml, which the build reads itself.</summary>
    public bool VersionFromPyProject { get; init; }

    /// <summary>pyproject.toml's [project] data, or null without one.</summary>
    public PyProjectInfo? PyProject { get; init; }

    /// <summary>The interpreter path written as <c>python:</c>.</summary>
    public required Found<string> Python { get; init; }

    /// <summary>The pinned requirements file, or null.</summary>
    public Found<string>? Requirements { get; init; }

    /// <summary>The server kind the requirements can run.</summary>
    public required Found<ServerKind> Server { get; init; }

    /// <summary>A directory of wheels (wheels/ or wheelhouse/), or null.</summary>
    public Found<string>? Wheelhouse { get; init; }

    /// <summary>The external dependency list, or null.</summary>
    public Found<string>? ExternalDependencies { get; init; }

    /// <summary>The WSGI entry (<c>module:callable</c> or <c>bin/wsgiapp:application</c>), or null.</summary>
    public Found<string>? Wsgi { get; init; }

    /// <summary>Other WSGI candidates, shown as commented alternatives.</summary>
    public IReadOnlyList<WsgiCandidate> OtherWsgi { get; init; } = [];

    /// <summary>The <c>app.exclude</c> globs: the defaults plus what was found that is not application code.</summary>
    public required IReadOnlyList<string> Exclude { get; init; }

    /// <summary>What was added to the default excludes, for the comment.</summary>
    public IReadOnlyList<string> ExcludeFound { get; init; } = [];

    /// <summary>A template override directory (packaging/templates/), or null.</summary>
    public Found<string>? Templates { get; init; }

    /// <summary>True when a Django manage.py is at the top: the migration hook is suggested.</summary>
    public bool HasManagePy { get; init; }

    /// <summary>What the user must fix before the package can run (shown in the file and on stderr).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
