namespace Pkgify.Core.Config;

/// <summary>
/// Where each configuration value came from, keyed by its dotted key (<c>server.workers</c>,
/// <c>config[0].dest</c>): a <c>pkgify.yaml</c> position, <c>pyproject.toml [project]</c>, or a default.
/// Later stages (the build, the dependency resolver) use it to name the line a problem comes from.
/// </summary>
public sealed class ConfigOrigins
{
    /// <summary>What <see cref="Of"/> answers for a value nobody wrote.</summary>
    public const string Default = "default";

    private readonly Dictionary<string, string> origins = new(StringComparer.Ordinal);

    /// <summary>The origin of <paramref name="key"/>, e.g. "pkgify.yaml:12:3", or <see cref="Default"/>.</summary>
    public string Of(string key) => origins.GetValueOrDefault(key, Default);

    /// <summary>A message prefix naming origin and key: "pkgify.yaml:12:3: server.bind" or "server.bind (default)".</summary>
    public string Describe(string key)
    {
        var origin = Of(key);
        return origin == Default ? $"{key} (default)" : $"{origin}: {key}";
    }

    /// <summary>Every recorded key and origin, sorted by key.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> All =>
        origins.OrderBy(kv => kv.Key, StringComparer.Ordinal).ToList();

    internal void Record(string key, string origin) => origins[key] = origin;
}
