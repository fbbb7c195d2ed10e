using System.Security.Cryptography;
using System.Text;
using Pkgify.Core.Model;
using Pkgify.Core.Writers.Segments;
using Pkgify.Formats.Compression;
using Pkgify.Formats.Cpio;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// Streams the payload (formats.md §2.10): a newc cpio archive of the package's files — or rpm's stripped
/// <c>07070X</c> form when a file reaches 4 GiB — through the compressor into <c>destination</c>. In the same
/// pass it hashes each file's content (FILEDIGESTS, read and hashed ahead on <see cref="PayloadPrefetcher"/>'s
/// threads), the cpio stream (PAYLOADDIGESTALT, PAYLOADSIZE) and the compressed bytes (PAYLOADDIGEST), so
/// no file and no payload is read twice or held in memory.
/// </summary>
internal static class RpmPayloadWriter
{
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static RpmPayloadFacts Write(RpmFileTable table, CompressionOptions compression, Stream destination, PayloadSegmenting segmenting,
        Action<long>? payloadRead)
    {
        var digests = new FileDigestList(table.Files.Count, SHA256.HashSizeInBytes);
        var colors = new int[table.Files.Count];
        bool stripped = table.HasLargeFiles;
        var sources = table.PayloadOrder.Where(HasFileContent).Select(e => e.File).ToList();
        using var prefetcher = new PayloadPrefetcher(sources, HashAlgorithmName.SHA256, onRead: payloadRead);

        using var compressed = new HashingWriteStream(destination, HashAlgorithmName.SHA256, leaveOpen: true);
        long archiveSize;
        string archiveSha256;
        using (var encoder = segmenting.Open(compressed, compression))
        {
            using (var archive = new HashingWriteStream(encoder, HashAlgorithmName.SHA256, leaveOpen: true))
            {
                using (var cpio = new CpioNewcWriter(archive, leaveOpen: true))
                {
                    foreach (var entry in table.PayloadOrder)
                    {
                        encoder.BeforeEntry(entry.File.Path);
                        WriteMember(cpio, entry, stripped, digests, colors, prefetcher);
                    }
                    encoder.AfterEntries();
                    cpio.Finish();
                }
                archiveSize = archive.BytesWritten;
                archiveSha256 = archive.HexDigest();
            }
            encoder.Finish();
        }

        // Every member of a hardlink set has the content's digest, not only the member that carried it.
        foreach (var entry in table.Files.Where(f => f.IsHardlinked && f.CarriesData))
            foreach (var member in table.Files.Where(f => f.Inode == entry.Inode))
            {
                digests.Copy(entry.Index, member.Index);
                colors[member.Index] = colors[entry.Index];
            }

        return new RpmPayloadFacts(digests, colors, archiveSize, archiveSha256, compressed.BytesWritten, compressed.HexDigest());
    }

    private static void WriteMember(CpioNewcWriter cpio, RpmFileEntry entry, bool stripped, FileDigestList digests, int[] colors,
        PayloadPrefetcher prefetcher)
    {
        var file = entry.File;
        using var content = OpenContent(entry, prefetcher);
        if (stripped)
            cpio.WriteStrippedEntry(entry.Index, entry.PayloadSize, content?.Stream);
        else
            cpio.WriteEntry(HeaderFor(entry), content?.Stream);
        if (content?.File is { } prefetched)
        {
            digests.Set(entry.Index, prefetched.Digest());
            colors[entry.Index] = content.Probe!.Color;
        }
        else if (file.Kind is FileKind.Regular or FileKind.Hardlink && entry.CarriesData)
        {
            // An empty regular file is still hashed: rpm checks every regular file's digest.
            digests.Set(entry.Index, SHA256.HashData(ReadOnlySpan<byte>.Empty));
        }
    }

    /// <summary>
    /// The newc header rpm writes (checked against rpmbuild's payload in the Formats tests): ino = FILEINODES,
    /// nlink = set size, uid/gid 0 (rpm installs by FILEUSERNAME/FILEGROUPNAME and ignores the numbers),
    /// device numbers 0.
    /// </summary>
    private static CpioEntryHeader HeaderFor(RpmFileEntry entry) =>
        new(entry.PayloadName, entry.Mode, entry.PayloadSize, entry.File.MTime, entry.Inode, entry.LinkCount);

    private sealed record MemberContent(Stream Stream, PrefetchedFile? File, ElfClassProbe? Probe) : IDisposable
    {
        public void Dispose() => Stream.Dispose();
    }

    /// <summary>Members whose content is a file's bytes (the prefetcher reads exactly these, in payload order).</summary>
    private static bool HasFileContent(RpmFileEntry entry) => entry.PayloadSize > 0 && entry.File.Kind != FileKind.Symlink;

    private static MemberContent? OpenContent(RpmFileEntry entry, PayloadPrefetcher prefetcher)
    {
        var file = entry.File;
        if (entry.PayloadSize == 0)
            return null;
        if (file.Kind == FileKind.Symlink)
            return new MemberContent(new MemoryStream(StrictUtf8.GetBytes(file.LinkTarget), writable: false), null, null);
        var prefetched = prefetcher.Next();
        var probe = new ElfClassProbe(prefetched);
        return new MemberContent(probe, prefetched, probe);
    }
}
