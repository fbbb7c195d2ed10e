namespace Pkgify.Core.Repositories.Yum;

/// <summary>Where a yum/dnf repository keeps its metadata (formats.md §4.1).</summary>
public static class YumRepositoryLayout
{
    /// <summary>The metadata directory under the repository root (the baseurl).</summary>
    public const string MetadataDirectory = "repodata";

    /// <summary>The index of the metadata files, relative to the root.</summary>
    public const string RepomdPath = MetadataDirectory + "/repomd.xml";

    /// <summary>The armored detached signature of repomd.xml that repo_gpgcheck=1 fetches, relative to the root.</summary>
    public const string RepomdSignaturePath = RepomdPath + ".asc";
}
