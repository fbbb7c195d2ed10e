using System.Globalization;
using Pkgify.Core.Model;
using Pkgify.Formats.Compression;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// Builds the main header (region 63) with the tag set rpmbuild 4.18 emits for a binary package (formats.md
/// §2.6), from the model, the file table and what writing the payload measured.
/// </summary>
internal static class RpmMainHeader
{
    /// <summary>
    /// BUILDHOST. rpmbuild writes the build machine's host name; pkgify writes a constant so that the same
    /// inputs give the same bytes on every machine (the contract's reproducibility promise) and so that no
    /// internal host name leaks into published packages.
    /// </summary>
    public const string BuildHost = "pkgify";

    /// <summary>
    /// RPMVERSION: the rpm release whose header layout and tag set this writer reproduces (and that its tests
    /// run against); rpm only displays it.
    /// </summary>
    public const string RpmVersion = "4.18.0";

    /// <summary>OpenPGP hash algorithm id of SHA-256 (RFC 4880 §9.4), used for FILEDIGESTALGO and PAYLOADDIGESTALGO.</summary>
    public const int Sha256AlgorithmId = 8;

    private const string PayloadFormat = "cpio";
    private const string Os = "linux";
    private const string Encoding = "utf-8";
    /// <summary>rpmbuild's DEVICES value for every file: only equality matters (hardlink detection).</summary>
    private const int FileDevice = 1;
    /// <summary>FILEVERIFYFLAGS: verify everything (RPMVERIFY_ALL).</summary>
    private const int VerifyAll = -1;
    private const string DirectoryClass = "directory";

    public static byte[] Build(PackageModel model, RpmFileTable table, RpmDependencies dependencies,
        RpmPayloadFacts payload, CompressionOptions compression)
    {
        var id = model.Identity;
        var meta = model.Metadata;
        var h = new RpmHeaderBuilder(RpmTags.HeaderImmutable);
        h.AddStringArray(RpmTags.HeaderI18NTable, ["C"]);
        h.AddString(RpmTags.Name, id.Name);
        h.AddString(RpmTags.Version, id.Version.Upstream);
        h.AddString(RpmTags.Release, id.Version.Release);
        if (id.Version.Epoch > 0)
            h.AddInt32(RpmTags.Epoch, [id.Version.Epoch]);
        h.AddI18NString(RpmTags.Summary, meta.Summary);
        h.AddI18NString(RpmTags.Description, meta.Description);
        h.AddInt32(RpmTags.BuildTime, [unchecked((int)model.BuildTime)]);
        h.AddString(RpmTags.BuildHost, BuildHost);
        AddSize(h, RpmTags.Size, RpmTags.LongSize, table.InstalledSize);
        AddIfPresent(h, RpmTags.Vendor, meta.Vendor);
        AddIfPresent(h, RpmTags.License, meta.License);
        AddIfPresent(h, RpmTags.Packager, meta.Maintainer);
        h.AddI18NString(RpmTags.Group, string.IsNullOrWhiteSpace(meta.Group) ? "Unspecified" : meta.Group);
        AddIfPresent(h, RpmTags.Url, meta.Homepage);
        h.AddString(RpmTags.Os, Os);
        h.AddString(RpmTags.Arch, id.Architecture.Rpm);
        RpmScriptlets.AddTo(h, model.Rpm.Scripts);
        // rpm refuses to guess binary vs source without SOURCERPM (formats.md §2.6); no SRPM exists, the name is conventional.
        h.AddString(RpmTags.SourceRpm, $"{id.Name}-{id.Version.Upstream}-{id.Version.Release}.src.rpm");
        h.AddString(RpmTags.RpmVersion, RpmVersion);
        // pkgify compiles nothing, so no compiler flags describe the payload.
        h.AddString(RpmTags.OptFlags, "");
        h.AddString(RpmTags.PayloadFormat, PayloadFormat);
        if (compression.Kind != CompressionKind.None)
        {
            // An uncompressed payload is written as rpmbuild's "w.ufdio" writes it: no compressor tag, and rpm
            // reads it through its gzip reader, which passes non-gzip data through unchanged (zlib gzread).
            h.AddString(RpmTags.PayloadCompressor, CompressionCodec.RpmCompressorName(compression.Kind));
            h.AddString(RpmTags.PayloadFlags, compression.Level.ToString(CultureInfo.InvariantCulture));
        }
        h.AddString(RpmTags.Platform, $"{id.Architecture.Rpm}-unknown-linux");
        h.AddString(RpmTags.Encoding, Encoding);
        AddDependencies(h, dependencies);
        RpmChangelog.AddTo(h, model.Changelog);
        if (table.Files.Count > 0)
            AddFiles(h, table, payload);
        h.AddStringArray(RpmTags.PayloadDigest, [payload.CompressedSha256]);
        h.AddInt32(RpmTags.PayloadDigestAlgo, [Sha256AlgorithmId]);
        h.AddStringArray(RpmTags.PayloadDigestAlt, [payload.ArchiveSha256]);
        return h.Build();
    }

    private static void AddFiles(RpmHeaderBuilder h, RpmFileTable table, RpmPayloadFacts payload)
    {
        var files = table.Files;
        int n = files.Count;
        if (table.HasLargeFiles)
            h.AddInt64(RpmTags.LongFileSizes, files.Select(f => f.File.Size).ToList());
        else
            h.AddInt32(RpmTags.FileSizes, files.Select(f => unchecked((int)f.File.Size)).ToList());
        h.AddInt16(RpmTags.FileModes, files.Select(f => unchecked((short)f.Mode)).ToList());
        h.AddInt16(RpmTags.FileRdevs, new short[n]);
        h.AddInt32(RpmTags.FileMTimes, files.Select(f => unchecked((int)f.File.MTime)).ToList());
        h.AddStringArray(RpmTags.FileDigests, payload.FileDigests);
        h.AddStringArray(RpmTags.FileLinkTos, files.Select(f => f.File.Kind == FileKind.Symlink ? f.File.LinkTarget : "").ToList());
        h.AddInt32(RpmTags.FileFlags, files.Select(f => f.RpmFlags).ToList());
        h.AddStringArray(RpmTags.FileUserName, files.Select(f => f.File.Owner).ToList());
        h.AddStringArray(RpmTags.FileGroupName, files.Select(f => f.File.Group).ToList());
        h.AddInt32(RpmTags.FileVerifyFlags, Enumerable.Repeat(VerifyAll, n).ToList());
        h.AddInt32(RpmTags.FileDevices, Enumerable.Repeat(FileDevice, n).ToList());
        h.AddInt32(RpmTags.FileInodes, files.Select(f => f.Inode).ToList());
        h.AddStringArray(RpmTags.FileLangs, Enumerable.Repeat("", n).ToList());
        h.AddInt32(RpmTags.DirIndexes, files.Select(f => f.DirIndex).ToList());
        h.AddStringArray(RpmTags.BaseNames, files.Select(f => f.BaseName).ToList());
        h.AddStringArray(RpmTags.DirNames, table.DirNames);
        h.AddInt32(RpmTags.FileColors, payload.FileColors);
        // FILECLASS indexes CLASSDICT; rpmbuild fills it from libmagic. pkgify has no libmagic, so it states only
        // what it knows: "directory", and "" (unclassified) for the rest, as rpmbuild does for symlinks.
        string[] classDict = ["", DirectoryClass];
        h.AddInt32(RpmTags.FileClass, files.Select(f => f.File.Kind == FileKind.Directory ? 1 : 0).ToList());
        h.AddStringArray(RpmTags.ClassDict, classDict);
        // No per-file dependencies are generated: every file's slice of DEPENDSDICT is empty (DEPENDSDICT itself
        // is omitted, as an empty array cannot be stored).
        h.AddInt32(RpmTags.FileDependsX, new int[n]);
        h.AddInt32(RpmTags.FileDependsN, new int[n]);
        h.AddInt32(RpmTags.FileDigestAlgo, [Sha256AlgorithmId]);
    }

    private static void AddDependencies(RpmHeaderBuilder h, RpmDependencies d)
    {
        AddTriplet(h, d.Provides, RpmTags.ProvideName, RpmTags.ProvideFlags, RpmTags.ProvideVersion);
        AddTriplet(h, d.Requires, RpmTags.RequireName, RpmTags.RequireFlags, RpmTags.RequireVersion);
        AddTriplet(h, d.Conflicts, RpmTags.ConflictName, RpmTags.ConflictFlags, RpmTags.ConflictVersion);
        AddTriplet(h, d.Obsoletes, RpmTags.ObsoleteName, RpmTags.ObsoleteFlags, RpmTags.ObsoleteVersion);
        AddTriplet(h, d.Recommends, RpmTags.RecommendName, RpmTags.RecommendFlags, RpmTags.RecommendVersion);
        AddTriplet(h, d.Suggests, RpmTags.SuggestName, RpmTags.SuggestFlags, RpmTags.SuggestVersion);
    }

    private static void AddTriplet(RpmHeaderBuilder h, IReadOnlyList<RpmDependency> list, int nameTag, int flagsTag, int versionTag)
    {
        if (list.Count == 0)
            return;
        h.AddStringArray(nameTag, list.Select(d => d.Name).ToList());
        h.AddInt32(flagsTag, list.Select(d => d.Flags).ToList());
        h.AddStringArray(versionTag, list.Select(d => d.Version).ToList());
    }

    /// <summary>The 32-bit tag while the value fits, else its 64-bit twin (`rpm: docs/manual/large_files.md`).</summary>
    internal static void AddSize(RpmHeaderBuilder h, int tag32, int tag64, long value)
    {
        if (value < uint.MaxValue)
            h.AddInt32(tag32, [unchecked((int)value)]);
        else
            h.AddInt64(tag64, [value]);
    }

    private static void AddIfPresent(RpmHeaderBuilder h, int tag, string value)
    {
        if (!string.IsNullOrWhiteSpace(value))
            h.AddString(tag, value.Trim());
    }
}
