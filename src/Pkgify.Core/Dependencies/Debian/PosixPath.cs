namespace Pkgify.Core.Dependencies.Debian;

/// <summary>Absolute POSIX path helpers: lexical normalisation and realpath(3)-like symlink resolution.</summary>
internal static class PosixPath
{
    // Linux gives up after 40 symlinks in one lookup (path_resolution(7)); so do we.
    private const int MaxLinkHops = 40;

    /// <summary>Collapses '//', '.' and '..' without touching the file system ("/a/b/../c" becomes "/a/c").</summary>
    public static string Normalize(string absolute)
    {
        var parts = new List<string>();
        foreach (var part in absolute.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (part == "..")
            {
                if (parts.Count > 0)
                    parts.RemoveAt(parts.Count - 1);
            }
            else if (part != ".")
            {
                parts.Add(part);
            }
        }
        return "/" + string.Join('/', parts);
    }

    /// <summary>The directory part of an absolute path ("/a/b/c" gives "/a/b").</summary>
    public static string Directory(string absolute)
    {
        var normal = Normalize(absolute);
        var slash = normal.LastIndexOf('/');
        return slash <= 0 ? "/" : normal[..slash];
    }

    /// <summary>
    /// Resolves every symbolic link along <paramref name="absolute"/> (like realpath(3)), so that
    /// /lib/x86_64-linux-gnu/libpq.so.5 on a merged-/usr system becomes the file dpkg lists.
    /// </summary>
    public static string RealPath(string absolute)
    {
        var pending = new Stack<string>(absolute.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse());
        var resolved = new List<string>();
        var hops = 0;
        while (pending.Count > 0)
        {
            var part = pending.Pop();
            if (part == ".")
                continue;
            if (part == "..")
            {
                if (resolved.Count > 0)
                    resolved.RemoveAt(resolved.Count - 1);
                continue;
            }
            var candidate = "/" + string.Join('/', resolved.Append(part));
            var target = new FileInfo(candidate).LinkTarget;
            if (target is null)
            {
                resolved.Add(part);
                continue;
            }
            if (++hops > MaxLinkHops)
                return Normalize(absolute);
            if (target.StartsWith('/'))
                resolved.Clear();
            foreach (var t in target.Split('/', StringSplitOptions.RemoveEmptyEntries).Reverse())
                pending.Push(t);
        }
        return "/" + string.Join('/', resolved);
    }
}
