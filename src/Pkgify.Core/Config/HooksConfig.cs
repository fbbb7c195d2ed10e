namespace Pkgify.Core.Config;

/// <summary>The <c>hooks:</c> section.</summary>
/// <param name="PostInstall">
/// One shell command line run by the maintainer scripts after install and upgrade, as root, in
/// <c>/opt/&lt;name&gt;/app</c>, or null.
/// </param>
public sealed record HooksConfig(string? PostInstall);
