namespace Pkgify.Core.IO;

/// <summary>
/// Where pkgify keeps what it reuses between builds (virtualenvs, compressed payload segments):
/// <c>PKGIFY_CACHE_DIR</c>, else <c>$XDG_CACHE_HOME/pkgify</c>, else <c>~/.cache/pkgify</c>
/// (the XDG base directory specification's default for per-user caches).
/// </summary>
public static class CacheRoot
{
    /// <summary>The cache root for this process's environment.</summary>
    public static string Resolve()
    {
        var explicitDir = Environment.GetEnvironmentVariable("PKGIFY_CACHE_DIR");
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return !string.IsNullOrEmpty(explicitDir) ? explicitDir
            : !string.IsNullOrEmpty(xdg) ? Path.Combine(xdg, "pkgify")
            : Path.Combine(home, ".cache", "pkgify");
    }
}
