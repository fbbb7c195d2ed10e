namespace Pkgify.Formats.Compression;

/// <summary>
/// How to compress. Level: codec level (gzip 1-9, xz 0-9, zstd 1-22, where 20-22 are zstd's "ultra" levels;
/// see <see cref="CompressionCodec.LevelRange"/>). Threads: 0 = Environment.ProcessorCount.
/// </summary>
/// <remarks>
/// Output bytes never depend on the number of threads, with one documented exception: gzip with
/// Threads == 1 is the classic single deflate stream (like gzip -n), while any other value, 0 included,
/// selects the pigz-style block format, whose bytes are the same for every thread count — so the default
/// (0) gives the same bytes on a 1-processor and a 64-processor host. <see cref="SameBytesForAnyThreads"/>
/// removes the exception.
/// </remarks>
public sealed record CompressionOptions(CompressionKind Kind, int Level, int Threads = 0)
{
    /// <summary>
    /// gzip: use the block format for Threads == 1 as well, so that every thread count, 1 included, gives the
    /// same bytes (the block format then runs on one worker). Package writers set it, since a user's
    /// <c>--threads</c> must not change a package. xz and zstd always give the same bytes; they ignore it.
    /// </summary>
    public bool SameBytesForAnyThreads { get; init; }

    /// <summary>Threads beyond this are not useful for one stream and only cost memory.</summary>
    internal const int MaxThreads = 64;

    /// <summary>The codec's usual level: gzip 6, xz 6, zstd 3 (each tool's own default), none 0.</summary>
    public static CompressionOptions Default(CompressionKind kind) => kind switch
    {
        CompressionKind.None => new(kind, 0),
        CompressionKind.Gzip => new(kind, 6),
        CompressionKind.Xz => new(kind, 6),
        CompressionKind.Zstd => new(kind, 3),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "unknown compression kind"),
    };

    /// <summary>The worker count to use: Threads, or the processor count for 0, at most <see cref="MaxThreads"/>.</summary>
    internal int EffectiveThreads => Math.Min(Threads == 0 ? Environment.ProcessorCount : Threads, MaxThreads);
}
