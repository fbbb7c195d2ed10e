using System.Security.Cryptography;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// tests/fuzz-regressions/&lt;format&gt;/: every sample that once crashed or hung a reader, kept (and committed) with a
/// .txt note saying how it was made and what it did, and replayed by a regular test forever after.
/// </summary>
public static class RegressionSamples
{
    public static string Folder(string format) => Path.Combine(RepoRoot.Path, "tests", "fuzz-regressions", format);

    public static IReadOnlyList<string> All(string format) =>
        Directory.Exists(Folder(format))
            ? Directory.GetFiles(Folder(format), "*." + format).Order(StringComparer.Ordinal).ToList()
            : [];

    /// <summary>Stores the sample under its content hash (so a re-found crash is not stored twice); returns its path.</summary>
    public static string Keep(string format, Mutation mutation, string note)
    {
        Directory.CreateDirectory(Folder(format));
        var name = $"{mutation.Kind}-{Convert.ToHexStringLower(SHA256.HashData(mutation.Bytes))[..16]}";
        var path = Path.Combine(Folder(format), $"{name}.{format}");
        File.WriteAllBytes(path, mutation.Bytes);
        File.WriteAllText(Path.Combine(Folder(format), name + ".txt"), note + "\n");
        return path;
    }
}
