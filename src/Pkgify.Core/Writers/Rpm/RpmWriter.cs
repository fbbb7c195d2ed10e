using Pkgify.Formats.IO;
using System.Security.Cryptography;
using Pkgify.Core.Diagnostics;
using Pkgify.Core.Model;
using Pkgify.Core.Output;
using Pkgify.Core.Writers.Segments;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// Writes a binary rpm v4 (formats.md §2): lead, signature header, pad to 8, main header, compressed cpio
/// payload. The payload is streamed first into a scratch file while every digest it needs is computed in the
/// same pass; the main header is then built (it records the payload digest), hashed into the signature
/// header, and the package is assembled: memory stays bounded whatever the payload size.
/// </summary>
public sealed class RpmWriter : IPackageWriter
{
    private const int CopyBufferSize = 1 << 16;

    /// <summary>Lead architecture numbers from rpm's rpmrc (formats.md §2.2); informative only, 0 for the rest.</summary>
    private static readonly Dictionary<string, short> LeadArchNumbers = new(StringComparer.Ordinal)
    {
        ["x86_64"] = 1, ["i686"] = 1, ["aarch64"] = 19, ["ppc64le"] = 16, ["s390x"] = 15,
    };

    private readonly RpmWriterOptions _options;

    /// <summary>Creates a writer with the given payload compression.</summary>
    public RpmWriter(RpmWriterOptions options) => _options = options;

    /// <inheritdoc />
    public PackageFamily Family => PackageFamily.Rpm;

    /// <summary><c>&lt;name&gt;-&lt;version&gt;-&lt;release&gt;.&lt;arch&gt;.rpm</c>, the name rpmlint expects (formats.md §2.14).</summary>
    public string FileName(PackageModel model) =>
        $"{model.Identity.Name}-{model.Identity.Version.Upstream}-{model.Identity.Version.Release}.{model.Identity.Architecture.Rpm}.rpm";

    /// <inheritdoc />
    public void Write(PackageModel model, Stream output, ScratchSpace scratch, Action<long>? payloadRead = null)
    {
        RpmFileTable table;
        RpmDependencies dependencies;
        using (PhaseTimer.Start("rpm: file table, dependencies"))
        {
            table = RpmFileTable.From(model);
            dependencies = RpmDependencies.For(model, table, _options.Compression.Kind);
        }
        var payloadPath = scratch.NewFile("payload");
        using var payloadFile = new FileStream(payloadPath, FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, CopyBufferSize);
        RpmPayloadFacts facts;
        using (PhaseTimer.Start("rpm: payload (read, sha256, compress)"))
            facts = RpmPayloadWriter.Write(table, _options.Compression, payloadFile,
                    new PayloadSegmenting(model.CacheableTrees, _options.SegmentCache, scratch), payloadRead);
        using var assemble = PhaseTimer.Start("rpm: headers, assembly");
        // The compressor's buffers (megabytes in the large-object heap, freed only by a full collection) are
        // garbage now, and the header about to be built is the other big allocation of the run (for 100,000
        // files, tens of MB of file arrays): collecting here keeps the peak at the larger of the two, not their
        // sum (measured on 100,000 files with gzip: peak RSS 222 → 206 MiB). One collection per package.
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        byte[] header = RpmMainHeader.Build(model, table, dependencies, facts, _options.Compression);

        // MD5 covers the main header and the payload, so the payload is read back once for it (formats.md §2.5).
        payloadFile.Position = 0;
        byte[] md5 = Md5Of(header, payloadFile);
        byte[] signature = UnsignedSignatureHeader.Build(header, md5, payloadFile.Length, facts.ArchiveSize);
        // The signature goes into the reserved space, so the signed header is as long as the unsigned one.
        if (_options.Signing is { } signing)
            signature = signing.Sign(signature, header, model.BuildTime);

        var id = model.Identity;
        output.Write(RpmLead.Build($"{id.Name}-{id.Version.RpmEvr}", archNum: LeadArchNumbers.GetValueOrDefault(id.Architecture.Rpm)));
        output.Write(signature);
        output.Write(new byte[RpmSignatureHeader.PaddingFor(signature.Length)]);
        output.Write(header);
        payloadFile.Position = 0;
        // In the kernel when both are files (copy_file_range), else through a buffer.
        if (!FileRangeCopy.TryCopy(payloadFile, output, payloadFile.Length, "rpm payload"))
            payloadFile.CopyTo(output, CopyBufferSize);
    }

    private static byte[] Md5Of(byte[] header, Stream payload)
    {
        using var md5 = IncrementalHash.CreateHash(HashAlgorithmName.MD5);
        md5.AppendData(header);
        var buffer = new byte[CopyBufferSize];
        for (int n; (n = payload.Read(buffer)) > 0;)
            md5.AppendData(buffer, 0, n);
        return md5.GetHashAndReset();
    }
}
