using System.Security.Cryptography;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// Builds the signature header (region 62) exactly as rpmbuild 4.18 does for an unsigned package (formats.md
/// §2.4, §2.5): SHA1 and SHA256 of the main header, MD5 of header + payload, SIZE and PAYLOADSIZE (or their
/// 64-bit forms), and RESERVEDSPACE.
/// </summary>
internal static class UnsignedSignatureHeader
{
    /// <summary>
    /// RESERVEDSPACE: 32 + rpm's <c>%__gpg_reserved_space</c> (4096) zero bytes, as rpmbuild reserves. A later
    /// signer shrinks it by the size of the signature it adds, so the signature header keeps its length and the
    /// main header and payload never move.
    /// </summary>
    public const int ReservedSpace = 4128;

    /// <summary>
    /// The signature header for a main header <paramref name="mainHeader"/> followed by a payload whose stored
    /// form is <paramref name="payloadLength"/> bytes with MD5 (of header + payload) <paramref name="headerAndPayloadMd5"/>.
    /// </summary>
    public static byte[] Build(byte[] mainHeader, byte[] headerAndPayloadMd5, long payloadLength, long archiveSize)
    {
        var h = new RpmHeaderBuilder(RpmTags.HeaderSignatures);
        h.AddString(RpmTags.SigSha1, Convert.ToHexStringLower(SHA1.HashData(mainHeader)));
        h.AddString(RpmTags.SigSha256, Convert.ToHexStringLower(SHA256.HashData(mainHeader)));
        RpmMainHeader.AddSize(h, RpmTags.SigSize, RpmTags.SigLongSize, mainHeader.Length + payloadLength);
        h.AddBin(RpmTags.SigMd5, headerAndPayloadMd5);
        RpmMainHeader.AddSize(h, RpmTags.SigPayloadSize, RpmTags.SigLongArchiveSize, archiveSize);
        h.AddBin(RpmTags.SigReservedSpace, new byte[ReservedSpace]);
        return h.Build();
    }
}
