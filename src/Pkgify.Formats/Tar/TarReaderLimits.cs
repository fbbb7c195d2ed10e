namespace Pkgify.Formats.Tar;

/// <summary>Bounds that keep <see cref="TarArchiveReader"/> safe on hostile archives.</summary>
/// <param name="MaxLongNameBytes">Largest GNU long name / long link entry ('L'/'K') accepted.</param>
/// <param name="MaxPaxHeaderBytes">Largest PAX extended header ('x'/'g') accepted.</param>
/// <param name="MaxEntries">Most header blocks (entries and meta entries) read from one archive.</param>
public sealed record TarReaderLimits(
    int MaxLongNameBytes = 1 << 20,
    int MaxPaxHeaderBytes = 1 << 20,
    long MaxEntries = 10_000_000);
