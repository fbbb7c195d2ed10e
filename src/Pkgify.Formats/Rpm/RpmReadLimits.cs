namespace Pkgify.Formats.Rpm;

/// <summary>Upper bounds applied while reading a header; a header beyond them is refused as damaged.</summary>
/// <param name="MaxIndexEntries">Most index entries (il), region entry included.</param>
/// <param name="MaxDataLength">Most bytes of data store (dl).</param>
public sealed record RpmReadLimits(int MaxIndexEntries, int MaxDataLength)
{
    /// <summary>rpm's own limits for a signature header: 32 entries, 64 MiB (`hdrblobVerifyLengths`).</summary>
    public static RpmReadLimits Signature { get; } =
        new(RpmHeaderFormat.SignatureMaxEntries, RpmHeaderFormat.SignatureMaxData);

    /// <summary>rpm's own limits for a main header: 65535 entries, 256 MiB.</summary>
    public static RpmReadLimits Main { get; } = new(RpmHeaderFormat.MainMaxEntries, RpmHeaderFormat.MainMaxData);
}
