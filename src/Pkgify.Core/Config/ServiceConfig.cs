namespace Pkgify.Core.Config;

/// <summary>The <c>service:</c> section.</summary>
/// <param name="User">System user (and group of the same name) the service runs as; created on install.</param>
/// <param name="EnvironmentFile">Absolute path, under /etc, of the environment file read by the unit.</param>
public sealed record ServiceConfig(string User, string EnvironmentFile)
{
    /// <summary>The service's group: a group named like the user, created with it.</summary>
    public string Group => User;
}
