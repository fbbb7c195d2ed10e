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
    /// Writes the index of <paramref name="packages"/> for <paramref name="directory"/> under temp names and
    /// returns the three files, not yet in place, described with paths relative to <paramref name="distDirectory"/>.
    /// The caller commits them just before Release, so the fixed names change together with the Release that
    /// lists them. Disposing the files the caller does not commit removes them.
    /// </summary>
    public static IReadOnlyList<PendingIndexFile> Prepare(string distDirectory, string directory, IEnumerable<AptPackage> packages)
    {
        Directory.CreateDirectory(directory);
        var prepared = new List<PendingIndexFile>();
        try
        {
            var plain = AtomicFile.Prepare(Path.Combine(directory, IndexName), (stream, _) =>
            {
                using var text = new StreamWriter(stream, Utf8, bufferSize: 1 << 16, leaveOpen: true) { NewLine = "\n" };
                foreach (var package in packages)
                {
                    PackagesStanza.Write(text, package);
                }
            });
            prepared.Add(Describe(distDirectory, plain));
            foreach (var (suffix, options) in CompressedForms)
            {
                var compressed = AtomicFile.Prepare(plain.FinalPath + suffix, (stream, _) =>
                {
                    using var source = File.OpenRead(plain.TempPath);
                    using var encoder = CompressionCodec.OpenEncoder(stream, options, leaveOpen: true);
                    source.CopyTo(encoder);
                });
                prepared.Add(Describe(distDirectory, compressed));
            }

            return prepared;
        }
        catch
        {
            foreach (var file in prepared)
            {
                file.File.Dispose();
            }

            throw;
        }
    }

    /// <summary>Size and digests of an existing index file, path relative to <paramref name="distDirectory"/>.</summary>
    public static AptIndexFile Describe(string distDirectory, string path) =>
        new(RepositoryFiles.Relative(distDirectory, path), FileDigests.Of(path));

    private static PendingIndexFile Describe(string distDirectory, PendingFile file) =>
        new(file, new AptIndexFile(RepositoryFiles.Relative(distDirectory, file.FinalPath), FileDigests.Of(file.TempPath)));
}
