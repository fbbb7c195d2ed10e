using Pkgify.Core.Signing;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>What one <c>pkgify repo yum</c> run did.</summary>
/// <param name="Repomd">The repomd.xml written.</param>
/// <param name="Packages">Every package indexed, in index order.</param>
/// <param name="Records">The metadata files repomd.xml lists.</param>
/// <param name="SignedPackages">The packages signed in this run (empty without --sign-packages).</param>
/// <param name="Removed">Stale metadata files removed.</param>
/// <param name="Signed">True when repomd.xml.asc was written.</param>
public sealed record YumPublishResult(
    string Repomd,
    IReadOnlyList<RpmMetadata> Packages,
    IReadOnlyList<RepomdRecord> Records,
    IReadOnlyList<RpmSignResult> SignedPackages,
    IReadOnlyList<string> Removed,
    bool Signed);
