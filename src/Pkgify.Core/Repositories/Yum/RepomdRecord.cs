namespace Pkgify.Core.Repositories.Yum;

/// <summary>One &lt;data&gt; entry of repomd.xml (formats.md §4.2).</summary>
/// <param name="Type">"primary", "filelists" or "other".</param>
/// <param name="Checksum">SHA-256 of the compressed file (dnf checks the download against it).</param>
/// <param name="OpenChecksum">SHA-256 of the uncompressed XML.</param>
/// <param name="Location">Path relative to the repository root ("repodata/&lt;checksum&gt;-primary.xml.gz").</param>
/// <param name="Timestamp">SOURCE_DATE_EPOCH (never the clock).</param>
/// <param name="Size">Compressed size.</param>
/// <param name="OpenSize">Uncompressed size.</param>
public sealed record RepomdRecord(string Type, string Checksum, string OpenChecksum, string Location, long Timestamp, long Size, long OpenSize);
