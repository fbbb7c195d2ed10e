namespace Pkgify.Core.Config;

/// <summary>The <c>nginx:</c> section; present only when <c>server_name</c> is set.</summary>
/// <param name="ServerNames">Host names for nginx's <c>server_name</c>, at least one.</param>
public sealed record NginxConfig(IReadOnlyList<string> ServerNames);
