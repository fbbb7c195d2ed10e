using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Signing;
using Pkgify.Core.Writers.Deb;
using Pkgify.Core.Writers.Rpm;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Writers;

/// <summary>Chooses and configures the writers for the requested formats, validating the options first.</summary>
public static class PackageWriters
{
    /// <param name="debControl">A control stanza rendered from the project's deb/control template; null lets the writer render it.</param>
    /// <param name="rpmSigning">Signs the .rpm header while it is written (--sign-key); null writes it unsigned.</param>
    /// <param name="threads">Compression threads, 0 = one per processor; never changes the packages' bytes.</param>
    /// <param name="segmentCache">Reuses compressed segments of the model's cacheable trees; null compresses them every time.</param>
    public static IReadOnlyList<IPackageWriter> Create(IEnumerable<PackageFamily> formats, CompressionKind compression, int? level,
        string? debControl = null, RpmHeaderSigning? rpmSigning = null, int threads = 0, Segments.SegmentCache? segmentCache = null)
    {
        var options = CompressionFor(compression, level, threads);
        return formats.Distinct().Select(f => f switch
        {
            PackageFamily.Deb => (IPackageWriter)new DebWriter(new DebWriterOptions(options) { ControlText = debControl, SegmentCache = segmentCache }),
            PackageFamily.Rpm => new RpmWriter(new RpmWriterOptions(options) { Signing = rpmSigning, SegmentCache = segmentCache }),
            _ => throw new UsageException($"--format: {f.ToString().ToLowerInvariant()} is not supported: use deb, rpm or deb,rpm"),
        }).ToList();
    }

    /// <summary>
    /// The compression for a package: the codec's default level unless given, and bytes that do not depend
    /// on <paramref name="threads"/> (the reproducibility promise holds across build hosts and --threads).
    /// </summary>
    public static CompressionOptions CompressionFor(CompressionKind kind, int? level, int threads = 0)
    {
        if (threads < 0)
            throw new UsageException($"--threads: {threads} is negative: give 0 (one per processor) or a number of threads");
        var defaults = CompressionOptions.Default(kind) with { Threads = threads, SameBytesForAnyThreads = true };
        if (level is null)
            return defaults;
        var (min, max) = CompressionCodec.LevelRange(kind);
        if (level < min || level > max)
            throw new UsageException($"--level: {level} is out of range for {kind.ToString().ToLowerInvariant()}: use {min} to {max}");
        return defaults with { Level = level.Value };
    }
}
