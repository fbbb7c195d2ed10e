namespace Pkgify.Core.Templates;

/// <summary>The system service.</summary>
/// <param name="User">System user the service runs as.</param>
/// <param name="Group">Its group.</param>
/// <param name="EnvironmentFile">Environment file read by the unit (optional at run time).</param>
/// <param name="Unit">Unit name, "NAME.service".</param>
public sealed record TemplateService(string User, string Group, string EnvironmentFile, string Unit)
{
    /// <summary>
    /// The configuration files the service reads and others must not (the environment file and every
    /// <c>config:</c> dest), packaged root:<see cref="Group"/>: a Debian postinst gives them the group on first
    /// installation, when the account did not exist yet at unpack time.
    /// </summary>
    public IReadOnlyList<string> SecretFiles { get; init; } = [];
}
