namespace Pkgify.Core.Templates;

/// <summary>Maintainer-script hooks.</summary>
/// <param name="PostInstall">Shell command line run after install and upgrade, or null.</param>
public sealed record TemplateHooks(string? PostInstall);
