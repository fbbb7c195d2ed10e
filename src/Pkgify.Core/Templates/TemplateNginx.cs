namespace Pkgify.Core.Templates;

/// <summary>The nginx site.</summary>
/// <param name="ServerNames">server_name values.</param>
/// <param name="ProxyPass">proxy_pass URL: "http://unix:/run/NAME/NAME.sock:" or "http://host:port".</param>
public sealed record TemplateNginx(IReadOnlyList<string> ServerNames, string ProxyPass);
