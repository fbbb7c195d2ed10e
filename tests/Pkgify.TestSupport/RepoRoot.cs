namespace Pkgify.TestSupport;

/// <summary>The repository's root directory (the one holding Pkgify.sln), found upwards from the test binaries.</summary>
public static class RepoRoot
{
    public static string Path { get; } = Find();

    private static string Find()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
            if (File.Exists(System.IO.Path.Combine(d.FullName, "Pkgify.sln")))
                return d.FullName;
        throw new InvalidOperationException("Pkgify.sln not found above " + AppContext.BaseDirectory);
    }
}
