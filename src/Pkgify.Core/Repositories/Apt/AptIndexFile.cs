namespace Pkgify.Core.Repositories.Apt;

/// <summary>One index file listed in Release.</summary>
/// <param name="Path">'/'-separated path relative to <c>dists/&lt;dist&gt;/</c> ("main/binary-amd64/Packages.xz").</param>
/// <param name="Digests">Its size and digests.</param>
public sealed record AptIndexFile(string Path, FileDigests Digests);
