using System.Text;
using Pkgify.Core.Output;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// Writes <c>binary-&lt;arch&gt;/Packages</c> with its .gz and .xz forms (apt handles both everywhere, formats.md
/// §3.1). Each file goes to a temp file and is renamed into place, so a client never reads half an index.
/// </summary>
public static class PackagesIndexWriter
{
    /// <summary>The uncompressed index name; Release lists it even when a client only fetches a compressed form.</summary>
    public const string IndexName = "Packages";

    // gzip -9 and xz -6 like apt-ftparchive's defaults; one thread gives the classic single-stream forms.
    private static readonly (string Suffix, CompressionOptions Options)[] CompressedForms =
    [
        (".gz", new CompressionOptions(CompressionKind.Gzip, 9, Threads: 1)),
        (".xz", new CompressionOptions(CompressionKind.Xz, 6, Threads: 1)),
    ];

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>
    /// Writes the index of <paramref name="packages"/> into <paramref name="directory"/> and returns the three
    /// files, paths relative to <paramref name="distDirectory"/>.
    /// </summary>
    public static IReadOnlyList<AptIndexFile> Write(string distDirectory, string directory, IEnumerable<AptPackage> packages)
    {
        Directory.CreateDirectory(directory);
        var plain = Path.Combine(directory, IndexName);
        AtomicFile.Write(plain, (stream, _) =>
        {
            using var text = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
            foreach (var package in packages)
            {
                PackagesStanza.Write(text, package);
            }
        });

        var files = new List<AptIndexFile> { Describe(distDirectory, plain) };
        foreach (var (suffix, options) in CompressedForms)
        {
            var compressed = plain + suffix;
            AtomicFile.Write(compressed, (stream, _) =>
            {
                using var source = File.OpenRead(plain);
                using var encoder = CompressionCodec.OpenEncoder(stream, options, leaveOpen: true);
                source.CopyTo(encoder);
            });
            files.Add(Describe(distDirectory, compressed));
        }

        return files;
    }

    /// <summary>Size and digests of an existing index file, path relative to <paramref name="distDirectory"/>.</summary>
    public static AptIndexFile Describe(string distDirectory, string path) =>
        new(RepositoryFiles.Relative(distDirectory, path), FileDigests.Of(path));
}
