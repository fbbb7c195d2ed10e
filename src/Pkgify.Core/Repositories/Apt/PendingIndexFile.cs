using Pkgify.Core.Output;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>An index file written under its temp name, with the size and digests Release will list for it.</summary>
/// <param name="File">The file, committed by the publisher right before Release.</param>
/// <param name="Description">Its path relative to <c>dists/&lt;dist&gt;/</c> and its digests.</param>
public sealed record PendingIndexFile(PendingFile File, AptIndexFile Description);
