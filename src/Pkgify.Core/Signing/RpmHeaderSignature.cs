using Pkgify.Formats.OpenPgp;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Signing;

/// <summary>
/// Puts an OpenPGP header signature into an rpm signature header without changing its length (formats.md §2.4,
/// §2.11): the signature over the main header goes into tag 268 (RSA) or 267 (EdDSA), any earlier signature is
/// dropped, and RESERVEDSPACE (1008) shrinks by what the signature adds, as rpmsign does. The main header and the
/// payload therefore keep their offsets and bytes; only the signature header changes.
/// </summary>
public static class RpmHeaderSignature
{
    /// <summary>An rpm index entry is 16 bytes; RESERVEDSPACE costs one besides its data.</summary>
    private const int IndexEntryLength = 16;

    /// <summary>rpm's OpenPGP public key algorithm for RSA (RFC 4880 §9.1); every other key we sign with is EdDSA.</summary>
    private const int RsaAlgorithm = 1;

    /// <summary>Signatures made by some key: v4 header-only ones (267, 268) and v3 header+payload ones (1002, 1005).</summary>
    private static readonly HashSet<int> SignatureTags = [RpmTags.SigDsa, RpmTags.SigRsa, RpmTags.SigPgp, RpmTags.SigGpg];

    /// <summary>
    /// The new signature header for <paramref name="mainHeader"/> (its bytes as stored, which the signature covers),
    /// built from <paramref name="signatureHeader"/> and exactly as long, pad included, as the old one; or the
    /// reason it cannot be (the reserved space is too small) as <paramref name="problem"/>.
    /// </summary>
    /// <param name="signatureHeader">The package's current signature header.</param>
    /// <param name="mainHeader">The main header bytes from its magic to its last data byte.</param>
    /// <param name="key">The signing key.</param>
    /// <param name="creationTime">The signature time (SOURCE_DATE_EPOCH), never the clock.</param>
    /// <param name="tag">The tag the signature went into: 268 (RSA) or 267 (EdDSA).</param>
    /// <param name="problem">Why no header could be built, when the result is null.</param>
    public static byte[]? Sign(RpmHeader signatureHeader, byte[] mainHeader, OpenPgpSecretKey key, long creationTime, out int tag, out string? problem)
    {
        ArgumentNullException.ThrowIfNull(signatureHeader);
        ArgumentNullException.ThrowIfNull(mainHeader);
        byte[] packet;
        using (var data = new MemoryStream(mainHeader, writable: false))
        {
            // SHA-256, as rpmsign: RHEL 9 and Sequoia-based rpm refuse SHA-1 (formats.md §2.11).
            packet = OpenPgpSigner.SignDetached(key, data, creationTime, OpenPgpHash.Sha256);
        }

        tag = OpenPgpSignatureReader.Read(packet).PublicKeyAlgorithm == RsaAlgorithm ? RpmTags.SigRsa : RpmTags.SigDsa;
        var kept = signatureHeader.Entries
            .Where(e => e.Tag != RpmTags.HeaderSignatures && e.Tag != RpmTags.SigReservedSpace && !SignatureTags.Contains(e.Tag))
            .ToList();
        var oldLength = signatureHeader.RawBytes.Length;
        var target = oldLength + RpmSignatureHeader.PaddingFor(oldLength);
        var available = (signatureHeader.GetBin(RpmTags.SigReservedSpace)?.Length ?? 0)
                        + SignatureTags.Sum(t => signatureHeader.GetEntry(t) is { } e ? e.Count : 0);

        var signatureTag = tag;
        byte[] Build(int reserved)
        {
            var builder = new RpmHeaderBuilder(RpmTags.HeaderSignatures);
            foreach (var entry in kept)
            {
                builder.AddEntry(entry);
            }

            builder.AddBin(signatureTag, packet);
            if (reserved > 0)
            {
                builder.AddBin(RpmTags.SigReservedSpace, new byte[reserved]);
            }

            return builder.Build();
        }

        var bare = Build(0);
        if (Fits(bare.Length, target))
        {
            problem = null;
            return bare;
        }

        // RESERVEDSPACE is BIN (no alignment) and has the highest tag, so the header grows byte for byte with it;
        // the loop only matters if an unknown higher tag with alignment follows it.
        var guess = target - bare.Length - IndexEntryLength;
        for (var reserved = guess; reserved >= 1 && reserved > guess - RpmSignatureHeader.Alignment; reserved--)
        {
            var built = Build(reserved);
            if (Fits(built.Length, target))
            {
                problem = null;
                return built;
            }
        }

        problem = $"its signature header has {available} bytes of reserved space (RESERVEDSPACE, tag 1008) and the "
                  + $"{packet.Length}-byte signature does not fit; rebuild it with pkgify or rpmbuild, which reserve 4128 bytes";
        return null;
    }

    // The old header and its pad to 8 end where the main header starts; the new one must end there too.
    private static bool Fits(int length, int target) => length + RpmSignatureHeader.PaddingFor(length) == target;
}
