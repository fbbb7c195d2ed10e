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
        long packageSize = mainHeader.Length + payloadLength;
        // The two sizes switch to their 64-bit forms together, as rpmbuild does when the payload or the package
        // reaches 4 GiB (formats.md §2.4 and §6.1 item 5: a 4 GiB + 1 file gave LONGSIZE + LONGARCHIVESIZE and no
        // SIZE, although the zstd package was tiny).
        bool large = packageSize >= uint.MaxValue || archiveSize >= uint.MaxValue;
        if (large)
            h.AddInt64(RpmTags.SigLongSize, [packageSize]);
        else
            h.AddInt32(RpmTags.SigSize, [unchecked((int)packageSize)]);
        h.AddBin(RpmTags.SigMd5, headerAndPayloadMd5);
        if (large)
            h.AddInt64(RpmTags.SigLongArchiveSize, [archiveSize]);
        else
            h.AddInt32(RpmTags.SigPayloadSize, [unchecked((int)archiveSize)]);
        h.AddBin(RpmTags.SigReservedSpace, new byte[ReservedSpace]);
        return h.Build();
    }
}
