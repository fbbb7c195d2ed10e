namespace Pkgify.Core.Config;

/// <summary>Value of <c>server.bind</c>: <c>unix:/path</c> or <c>host:port</c>.</summary>
/// <param name="UnixPath">Socket path for a UNIX socket, else null.</param>
/// <param name="Host">Host name or address for TCP (IPv6 in brackets), else null.</param>
/// <param name="Port">TCP port, 0 for a UNIX socket.</param>
public sealed record BindAddress(string? UnixPath, string? Host, int Port)
{
    /// <summary>True for a UNIX socket.</summary>
    public bool IsUnix => UnixPath is not null;

    /// <summary>The address as gunicorn and pkgify.yaml write it.</summary>
    public override string ToString() => IsUnix ? $"unix:{UnixPath}" : $"{Host}:{Port}";
}
