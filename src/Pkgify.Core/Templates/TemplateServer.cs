namespace Pkgify.Core.Templates;

/// <summary>How the unit starts the application.</summary>
/// <param name="Kind">"gunicorn", "uwsgi" or "command".</param>
/// <param name="Bind">Listen address as gunicorn writes it: "unix:/run/NAME/NAME.sock" or "host:port".</param>
/// <param name="BindUnixPath">The socket path for a UNIX socket, else null.</param>
/// <param name="Workers">Worker processes.</param>
/// <param name="Command">The command line for kind "command", else empty.</param>
public sealed record TemplateServer(string Kind, string Bind, string? BindUnixPath, int Workers, string Command)
{
    /// <summary>True for gunicorn.</summary>
    public bool IsGunicorn => Kind == "gunicorn";

    /// <summary>True for uWSGI.</summary>
    public bool IsUwsgi => Kind == "uwsgi";

    /// <summary>True for a plain command.</summary>
    public bool IsCommand => Kind == "command";
}
