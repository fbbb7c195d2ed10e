namespace Pkgify.TestSupport;

/// <summary>
/// A unique directory under <c>$TMPDIR/pkgify-tests</c>, deleted (without following
/// symlinks) on dispose. Set PKGIFY_KEEP_TEMP=1 to keep it for a post-mortem.
/// </summary>
public sealed class TempDir : IDisposable
{
    /// <summary>Parent of every test temp directory.</summary>
    public static string BaseDirectory => System.IO.Path.Combine(System.IO.Path.GetTempPath(), "pkgify-tests");

    /// <summary>Creates a fresh empty directory; <paramref name="label"/> helps find it when kept.</summary>
    public TempDir(string label = "tmp")
    {
        Root = System.IO.Path.Combine(BaseDirectory, $"{label}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(Root);
    }

    /// <summary>Absolute path of the directory.</summary>
    public string Root { get; }

    /// <summary>
    /// <see cref="Root"/> joined with relative <paramref name="parts"/>; rooted parts are
    /// refused because Path.Combine would silently escape the directory.
    /// </summary>
    public string Path(params string[] parts)
    {
        if (parts.Any(System.IO.Path.IsPathRooted))
            throw new ArgumentException($"parts must be relative: {string.Join(", ", parts)}", nameof(parts));
        return System.IO.Path.Combine([Root, .. parts]);
    }

    /// <inheritdoc />
    public override string ToString() => Root;

    /// <summary>Deletes the directory and everything below it, unless PKGIFY_KEEP_TEMP=1.</summary>
    public void Dispose()
    {
        if (Environment.GetEnvironmentVariable("PKGIFY_KEEP_TEMP") == "1" || !Directory.Exists(Root))
            return;
        try
        {
            // .NET's recursive delete unlinks symlinks instead of descending into their targets.
            Directory.Delete(Root, recursive: true);
        }
        catch (UnauthorizedAccessException) when (!OperatingSystem.IsWindows())
        {
            // A test may leave a 0500 directory behind when not root: open it up and retry.
            foreach (var dir in Directory.EnumerateDirectories(Root, "*", SearchOption.AllDirectories)
                         .Where(d => new DirectoryInfo(d).LinkTarget is null))
                File.SetUnixFileMode(dir, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Directory.Delete(Root, recursive: true);
        }
    }
}
