using Pkgify.Core.Errors;
using Pkgify.Core.Repositories.Apt;
using Pkgify.Core.Repositories.Yum;

namespace Pkgify.Core.Repositories;

/// <summary>The outcome of <see cref="RepositoryVerifier.Verify"/>.</summary>
/// <param name="Kind">"apt" or "yum".</param>
/// <param name="Problems">What is wrong, first one first; empty when the repository is sound.</param>
public sealed record RepositoryReport(string Kind, IReadOnlyList<string> Problems);

/// <summary><c>pkgify verify --repo DIR</c>: recognises the repository kind by its layout and checks it.</summary>
public static class RepositoryVerifier
{
    /// <summary>
    /// Checks the apt (<c>dists/</c>) or yum (<c>repodata/repomd.xml</c>) repository at <paramref name="root"/>;
    /// signatures are checked when <paramref name="publicKeyring"/> is given.
    /// </summary>
    public static RepositoryReport Verify(string root, byte[]? publicKeyring)
    {
        if (!Directory.Exists(root))
            throw new UsageException($"--repo {root}: no such directory: give a repository directory");
        try
        {
            if (File.Exists(Path.Combine(root, YumRepositoryLayout.RepomdPath)))
                return new RepositoryReport("yum", YumRepositoryVerifier.Verify(root, publicKeyring));
            if (Directory.Exists(Path.Combine(root, "dists")))
                return new RepositoryReport("apt", AptRepositoryVerifier.Verify(root, publicKeyring));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException($"--repo {root}: cannot be read: {e.Message}", e);
        }

        throw new UsageException($"--repo {root}: neither an apt repository (dists/) nor a yum repository (repodata/repomd.xml)");
    }
}
