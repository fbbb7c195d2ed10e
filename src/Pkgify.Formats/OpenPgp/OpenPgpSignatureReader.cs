namespace Pkgify.Formats.OpenPgp;

/// <summary>Reads the facts of one raw OpenPGP signature packet, such as the one stored in rpm tags 267/268.</summary>
public static class OpenPgpSignatureReader
{
    /// <summary>
    /// Parses <paramref name="packet"/>, which must be exactly one v3 or v4 signature packet. Damaged or
    /// unsupported input is an <see cref="InvalidDataException"/> with a one-line reason; work is linear in the
    /// input and nothing is allocated beyond its size.
    /// </summary>
    public static OpenPgpSignatureInfo Read(ReadOnlySpan<byte> packet)
    {
        var signature = ParsedSignature.ParsePacket(packet);
        var creation = signature.CreationTime
                       ?? throw new InvalidDataException("signature has no hashed creation time (RFC 4880 §5.2.3.4 requires it)");
        return new OpenPgpSignatureInfo(
            signature.Version,
            signature.SignatureType,
            signature.PublicKeyAlgorithm,
            signature.HashAlgorithm,
            creation,
            signature.IssuerKeyId,
            signature.IssuerFingerprint is { } fpr ? Convert.ToHexString(fpr) : null);
    }
}
