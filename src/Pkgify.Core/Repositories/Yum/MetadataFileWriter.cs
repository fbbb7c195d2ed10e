using System.Security.Cryptography;
using System.Xml;
using Pkgify.Core.Output;
using Pkgify.Core.Writers;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>
/// Writes one compressed metadata file (primary, filelists, other) in a single streaming pass: XML → SHA-256 of
/// the open document → gzip → SHA-256 of the compressed file → a temp file in repodata/. <see cref="Finish"/>
/// renames it to its unique name <c>&lt;sha256&gt;-&lt;type&gt;.xml.gz</c> (createrepo_c's "unique metadata file
/// names"): a cache or mirror can never mix an old repomd.xml with a new primary of the same name.
/// </summary>
public sealed class MetadataFileWriter : IDisposable
{
    // gzip -6, one deflate stream: the form every librepo reads; the same bytes on every host.
    private static readonly CompressionOptions Gzip = new(CompressionKind.Gzip, 6, Threads: 1);

    private readonly string _type;
    private readonly string _repodata;
    private readonly string _tempPath;
    private readonly FileStream _file;
    private readonly HashingWriteStream _compressed;
    private readonly Stream _encoder;
    private readonly HashingWriteStream _open;
    private bool _finished;

    /// <summary>Starts <c>repodata/&lt;type&gt;.xml.gz</c> under <paramref name="repodata"/>.</summary>
    public MetadataFileWriter(string repodata, string type)
    {
        _type = type;
        _repodata = repodata;
        _tempPath = Path.Combine(repodata, $".{type}.xml.gz.pkgify-tmp-{Environment.ProcessId}");
        _file = new FileStream(_tempPath, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        _compressed = new HashingWriteStream(_file, HashAlgorithmName.SHA256, leaveOpen: true);
        _encoder = CompressionCodec.OpenEncoder(_compressed, Gzip, leaveOpen: true);
        _open = new HashingWriteStream(_encoder, HashAlgorithmName.SHA256, leaveOpen: true);
        Xml = XmlWriter.Create(_open, XmlText.Settings);
    }

    /// <summary>The document being written.</summary>
    public XmlWriter Xml { get; }

    /// <summary>Completes the file, gives it its unique name, and describes it for repomd.xml.</summary>
    public RepomdRecord Finish(long timestamp)
    {
        Xml.Flush();
        Xml.Dispose();
        _open.Flush();
        _encoder.Dispose();
        _file.Flush(flushToDisk: true);
        _file.Dispose();
        _finished = true;
        var checksum = _compressed.HexDigest();
        var name = $"{checksum}-{_type}.xml.gz";
        // The name is the content's digest: an existing file of that name already holds these bytes.
        File.Move(_tempPath, Path.Combine(_repodata, name), overwrite: true);
        return new RepomdRecord(_type, checksum, _open.HexDigest(), $"{YumRepositoryLayout.MetadataDirectory}/{name}", timestamp,
            _compressed.BytesWritten, _open.BytesWritten);
    }

    /// <summary>Removes the temp file of an unfinished write.</summary>
    public void Dispose()
    {
        if (_finished)
        {
            return;
        }

        Xml.Dispose();
        _file.Dispose();
        AtomicFile.TryDelete(_tempPath);
    }
}
