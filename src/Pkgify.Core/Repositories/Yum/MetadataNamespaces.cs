namespace Pkgify.Core.Repositories.Yum;

/// <summary>The XML namespaces of yum metadata, as createrepo_c writes them (formats.md §4).</summary>
public static class MetadataNamespaces
{
    /// <summary>primary.xml's default namespace.</summary>
    public const string Common = "http://linux.duke.edu/metadata/common";

    /// <summary>The rpm: prefix (primary.xml format elements, repomd.xml).</summary>
    public const string Rpm = "http://linux.duke.edu/metadata/rpm";

    /// <summary>filelists.xml's default namespace.</summary>
    public const string Filelists = "http://linux.duke.edu/metadata/filelists";

    /// <summary>other.xml's default namespace.</summary>
    public const string Other = "http://linux.duke.edu/metadata/other";

    /// <summary>repomd.xml's default namespace.</summary>
    public const string Repo = "http://linux.duke.edu/metadata/repo";

    /// <summary>The prefix createrepo_c binds to <see cref="Rpm"/>.</summary>
    public const string RpmPrefix = "rpm";
}
