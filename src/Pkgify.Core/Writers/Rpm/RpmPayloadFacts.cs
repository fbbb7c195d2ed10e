namespace Pkgify.Core.Writers.Rpm;

/// <summary>What writing the payload measured, for the headers that describe it (formats.md §2.5).</summary>
/// <param name="FileDigests">FILEDIGESTS: lowercase hex SHA-256 per file in header order; "" for directories and symlinks.</param>
/// <param name="FileColors">FILECOLORS per file: 1 for ELF32, 2 for ELF64, 0 otherwise.</param>
/// <param name="ArchiveSize">Length of the uncompressed cpio stream (PAYLOADSIZE / LONGARCHIVESIZE).</param>
/// <param name="ArchiveSha256">SHA-256 of the uncompressed cpio stream (PAYLOADDIGESTALT).</param>
/// <param name="CompressedSize">Length of the payload as stored.</param>
/// <param name="CompressedSha256">SHA-256 of the payload as stored (PAYLOADDIGEST).</param>
internal sealed record RpmPayloadFacts(
    IReadOnlyList<string> FileDigests,
    IReadOnlyList<int> FileColors,
    long ArchiveSize,
    string ArchiveSha256,
    long CompressedSize,
    string CompressedSha256);
