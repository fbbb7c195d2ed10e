namespace Pkgify.Core.Config;

/// <summary>The <c>server:</c> section.</summary>
/// <param name="Kind">Which server runs the application.</param>
/// <param name="Bind">Where it listens.</param>
/// <param name="Workers">Worker processes (gunicorn --workers, uWSGI --processes).</param>
/// <param name="Command">
/// The command line for <see cref="ServerKind.Command"/>, else empty. The unit runs it with
/// <c>/bin/sh -c "exec COMMAND"</c>, so it has shell syntax and sees the service environment.
/// </param>
public sealed record ServerConfig(ServerKind Kind, BindAddress Bind, int Workers, string Command);
