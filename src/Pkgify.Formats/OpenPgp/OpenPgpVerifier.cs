namespace Pkgify.Formats.OpenPgp;

/// <summary>Checks detached OpenPGP signatures against a public key ring (for <c>pkgify verify --key PUB</c>).</summary>
public static class OpenPgpVerifier
{
    private const int BinaryDocument = 0x00;
    private const int CanonicalText = 0x01;

    // Critical subpackets we honour; any other critical one makes the signature invalid (RFC 4880 §5.2.3.1).
    private static readonly HashSet<int> UnderstoodCritical =
    [
        SignatureSubpacket.CreationTime,
        SignatureSubpacket.IssuerKeyId,
        SignatureSubpacket.SignersUserId,
        SignatureSubpacket.IssuerFingerprint,
    ];

    /// <summary>
    /// True when <paramref name="signaturePacket"/> (one raw v3/v4 packet, binary or canonical-text type) is a
    /// valid RSA or Ed25519 signature over <paramref name="data"/> (read from its position to its end) by a key
    /// or subkey in <paramref name="publicKeyring"/> (binary or armored), made no earlier than that key. Key
    /// validity beyond that (expiry, revocation, self-signatures) is not judged. A damaged key ring or
    /// signature, or a signature with a digest other than SHA-256/384/512, is an <see cref="InvalidDataException"/>.
    /// </summary>
    public static bool Verify(byte[] publicKeyring, Stream data, ReadOnlySpan<byte> signaturePacket)
    {
        ArgumentNullException.ThrowIfNull(publicKeyring);
        ArgumentNullException.ThrowIfNull(data);
        var signature = ParsedSignature.ParsePacket(signaturePacket);
        var creationTime = signature.CreationTime
                           ?? throw new InvalidDataException("signature has no hashed creation time (RFC 4880 §5.2.3.4 requires it)");
        if (!HashAlgorithms.IsAcceptedForSignatures(signature.HashAlgorithm))
        {
            throw new InvalidDataException(
                $"signature uses {HashAlgorithms.TextName(signature.HashAlgorithm)}; only SHA-256, SHA-384 and SHA-512 are accepted");
        }

        if (signature.SignatureType is not (BinaryDocument or CanonicalText))
        {
            throw new InvalidDataException($"signature type 0x{signature.SignatureType:X2} is not a document signature");
        }

        var keys = TransferableKey.ParseRing(KeyFileReader.ReadPackets(publicKeyring))
            .SelectMany(k => k.Components)
            .Select(c => c.Public)
            .Where(k => k.IsSupportedForSigning && k.Algorithm == signature.PublicKeyAlgorithm
                        && k.CreationTime <= creationTime && IsIssuer(k, signature))
            .ToList();
        if (keys.Count == 0 || signature.HashedSubpackets.Any(s => s.Critical && !UnderstoodCritical.Contains(s.Type)))
        {
            return false;
        }

        var digest = Digest(signature, data);
        return digest.AsSpan(0, signature.DigestPrefix.Length).SequenceEqual(signature.DigestPrefix)
               && keys.Any(k => VerifyWith(k, signature, digest));
    }

    private static bool IsIssuer(PublicKeyMaterial key, ParsedSignature signature) =>
        signature.IssuerFingerprint is { } fpr ? fpr.AsSpan().SequenceEqual(key.Fingerprint)
        : signature.IssuerKeyId is not { } id || id == key.KeyId;

    private static byte[] Digest(ParsedSignature signature, Stream data)
    {
        using var hash = HashAlgorithms.Create(signature.HashAlgorithm, "signature");
        if (signature.SignatureType == CanonicalText)
        {
            SignatureHashing.AppendCanonicalText(hash, data);
        }
        else
        {
            SignatureHashing.AppendBinary(hash, data);
        }

        return SignatureHashing.Finish(hash, signature.Version, signature.HashedPart);
    }

    private static bool VerifyWith(PublicKeyMaterial key, ParsedSignature signature, byte[] digest) =>
        key.Rsa is { } rsa
            ? RsaSigningKey.Verify(rsa.Modulus, rsa.Exponent, signature.Mpis, digest, signature.HashAlgorithm)
            : key.Ed25519 is { } point && Ed25519SigningKey.Verify(point, signature.Mpis, digest);
}
