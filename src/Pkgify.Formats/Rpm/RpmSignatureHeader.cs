namespace Pkgify.Formats.Rpm;

/// <summary>Rules specific to the signature header (formats.md §2.4).</summary>
public static class RpmSignatureHeader
{
    /// <summary>The whole signature header is followed by zero bytes up to a multiple of this.</summary>
    public const int Alignment = 8;

    /// <summary>
    /// Zero bytes to write (and to skip when reading) after a signature header of <paramref name="headerLength"/>
    /// bytes; leaving them out makes rpm fail with "hdr magic: BAD" (`rpmWriteSignature`, `hdrblobRead`).
    /// </summary>
    public static int PaddingFor(int headerLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(headerLength);
        return (Alignment - headerLength % Alignment) % Alignment;
    }
}
