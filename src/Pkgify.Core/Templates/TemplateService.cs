namespace Pkgify.Core.Templates;

/// <summary>The system service.</summary>
/// <param name="User">System user the service runs as.</param>
/// <param name="Group">Its group.</param>
/// <param name="EnvironmentFile">Environment file read by the unit (optional at run time).</param>
/// <param name="Unit">Unit name, "NAME.service".</param>
public sealed record TemplateService(string User, string Group, string EnvironmentFile, string Unit);
