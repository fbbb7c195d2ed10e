using Pkgify.Formats.IO;

namespace Pkgify.Formats.Rpm;

/// <summary>Reads the metadata of a .rpm: lead, signature header, its pad to 8, main header (formats.md §2.1).</summary>
public static class RpmPackageReader
{
    /// <summary>
    /// Reads from the current position of <paramref name="input"/> (the start of the package) up to the payload and
    /// leaves the stream positioned at the first payload byte; the stream may be non-seekable.
    /// </summary>
    /// <exception cref="InvalidDataException">The package is truncated or damaged.</exception>
    public static RpmPackage Open(Stream input)
    {
        ArgumentNullException.ThrowIfNull(input);
        Span<byte> leadBytes = stackalloc byte[RpmLead.Size];
        StrictRead.Exactly(input, leadBytes, "rpm lead");
        var lead = RpmLead.Read(leadBytes);

        var signature = RpmHeader.Read(input, isSignature: true);
        int pad = RpmSignatureHeader.PaddingFor(signature.RawBytes.Length);
        StrictRead.Skip(input, pad, "rpm signature header padding");

        var header = RpmHeader.Read(input, isSignature: false);
        long payloadOffset = RpmLead.Size + signature.RawBytes.Length + pad + header.RawBytes.Length;
        return new RpmPackage(lead, signature, header, payloadOffset);
    }
}
