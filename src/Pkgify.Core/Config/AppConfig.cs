namespace Pkgify.Core.Config;

/// <summary>The <c>app:</c> section: which tree becomes <c>/opt/&lt;name&gt;/app</c>.</summary>
/// <param name="Source">Absolute path of the application directory (default: the project directory).</param>
/// <param name="Exclude">Glob patterns, relative to <paramref name="Source"/>, left out of the package.</param>
public sealed record AppConfig(string Source, IReadOnlyList<string> Exclude);
