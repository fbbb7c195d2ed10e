using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// The public part of a v4 key packet (RFC 4880 §5.5.2): creation time, algorithm and the algorithm's public
/// fields, with the v4 fingerprint and key ID computed over exactly those bytes (§12.2). Keys of algorithms we
/// cannot sign or verify with still get a fingerprint, so key rings holding them (e.g. a cv25519 encryption
/// subkey) stay readable.
/// </summary>
internal sealed class PublicKeyMaterial
{
    private const int SupportedVersion = 4;
    private const byte FingerprintPrefix = 0x99;
    private const int KeyIdBytes = 8;

    // RFC 9580 §9.2: OID of Ed25519 for legacy EdDSA (algorithm 22) keys, without its length byte.
    private static readonly byte[] Ed25519Oid = [0x2B, 0x06, 0x01, 0x04, 0x01, 0xDA, 0x47, 0x0F, 0x01];

    // RFC 9580 §5.5.5.5: the EdDSA point MPI is 0x40 followed by the 32-byte native public key.
    private const byte NativePointPrefix = 0x40;
    private const int Ed25519KeyBytes = 32;

    // No OpenPGP implementation in use makes RSA keys below 1024 bits; e is 65537 in practice and fits 32 bits.
    private const int MinimumRsaBits = 1024;
    private const int MaximumRsaExponentBits = 32;

    private PublicKeyMaterial(byte[] body, long creationTime, int algorithm)
    {
        Body = body;
        CreationTime = creationTime;
        Algorithm = algorithm;
        Fingerprint = ComputeFingerprint(body);
        KeyId = BinaryPrimitives.ReadUInt64BigEndian(Fingerprint.AsSpan(Fingerprint.Length - KeyIdBytes));
    }

    /// <summary>The public key packet body (what the fingerprint covers and what a public key export carries).</summary>
    public byte[] Body { get; }

    public long CreationTime { get; }

    public int Algorithm { get; }

    public byte[] Fingerprint { get; }

    public ulong KeyId { get; }

    public string FingerprintHex => Convert.ToHexString(Fingerprint);

    /// <summary>RSA modulus n and exponent e, when this is an RSA key.</summary>
    public (byte[] Modulus, byte[] Exponent)? Rsa { get; private init; }

    /// <summary>The 32-byte Ed25519 public key, when this is a legacy EdDSA key on Ed25519.</summary>
    public byte[]? Ed25519 { get; private init; }

    /// <summary>Whether pkgify can sign and verify with this key (RSA or Ed25519).</summary>
    public bool IsSupportedForSigning => (Rsa is not null && Algorithm != PublicKeyAlgorithms.RsaEncryptOnly) || Ed25519 is not null;

    /// <summary>"RSA-4096", "Ed25519" or the bare algorithm name.</summary>
    public string Description => Rsa is { } rsa ? $"RSA-{Mpi.BitLength(rsa.Modulus)}"
        : Ed25519 is not null ? "Ed25519"
        : PublicKeyAlgorithms.Name(Algorithm);

    /// <summary>
    /// Reads the public fields at the start of a key packet body and returns how many bytes they take; for a
    /// public key packet that must be the whole body, for a secret key packet the secret part follows.
    /// <paramref name="isSecretPacket"/> decides what an unknown algorithm means: a public packet is still
    /// usable (all its bytes are public), a secret one cannot be split and is refused.
    /// </summary>
    public static PublicKeyMaterial Parse(ReadOnlySpan<byte> body, bool isSecretPacket, out int publicLength)
    {
        var cursor = new OpenPgpCursor(body, "key packet");
        var version = cursor.ReadByte();
        if (version != SupportedVersion)
        {
            throw new InvalidDataException($"key packet version {version} is not supported (only v4 keys)");
        }

        var creationTime = cursor.ReadUInt32();
        var algorithm = cursor.ReadByte();
        (byte[], byte[])? rsa = null;
        byte[]? ed25519 = null;
        switch (algorithm)
        {
            case PublicKeyAlgorithms.RsaEncryptOrSign or PublicKeyAlgorithms.RsaEncryptOnly or PublicKeyAlgorithms.RsaSignOnly:
                var modulus = cursor.ReadMpi().ToArray();
                var exponent = cursor.ReadMpi().ToArray();
                rsa = IsPlausibleRsa(modulus, exponent) ? (modulus, exponent) : null;
                break;
            case PublicKeyAlgorithms.Dsa:
                SkipMpis(ref cursor, 4);
                break;
            case PublicKeyAlgorithms.Elgamal or PublicKeyAlgorithms.ElgamalEncryptOrSign:
                SkipMpis(ref cursor, 3);
                break;
            case PublicKeyAlgorithms.Ecdsa:
                ReadOid(ref cursor);
                cursor.ReadMpi();
                break;
            case PublicKeyAlgorithms.EdDsaLegacy:
                ed25519 = ReadEd25519(ReadOid(ref cursor), cursor.ReadMpi());
                break;
            case PublicKeyAlgorithms.Ecdh:
                ReadOid(ref cursor);
                cursor.ReadMpi();
                cursor.ReadBytes(cursor.ReadByte()); // KDF parameters (RFC 6637 §9)
                break;
            default:
                if (isSecretPacket)
                {
                    throw new InvalidDataException($"secret key of unsupported public-key algorithm {algorithm}");
                }

                cursor.ReadRest();
                break;
        }

        publicLength = cursor.Position;
        if (!isSecretPacket)
        {
            cursor.ExpectEnd();
        }

        return new PublicKeyMaterial(body[..publicLength].ToArray(), creationTime, algorithm) { Rsa = rsa, Ed25519 = ed25519 };
    }

    private static byte[] ComputeFingerprint(byte[] body)
    {
        if (body.Length > ushort.MaxValue)
        {
            throw new InvalidDataException("key packet is too long for a v4 fingerprint");
        }

        // RFC 4880 §12.2: SHA-1 over 0x99, the two-octet body length and the public key body.
        using var sha1 = IncrementalHash.CreateHash(HashAlgorithmName.SHA1);
        Span<byte> prefix = [FingerprintPrefix, (byte)(body.Length >> 8), (byte)body.Length];
        sha1.AppendData(prefix);
        sha1.AppendData(body);
        return sha1.GetHashAndReset();
    }

    private static bool IsPlausibleRsa(byte[] modulus, byte[] exponent) =>
        // .NET fails on impossible RSA numbers with exceptions other than CryptographicException (an empty
        // exponent gives IndexOutOfRange), so only keys that can be real are kept usable.
        Mpi.BitLength(modulus) >= MinimumRsaBits && Mpi.BitLength(exponent) is > 0 and <= MaximumRsaExponentBits
        && (modulus[^1] & 1) == 1 && (exponent[^1] & 1) == 1;

    private static void SkipMpis(ref OpenPgpCursor cursor, int count)
    {
        for (var i = 0; i < count; i++)
        {
            cursor.ReadMpi();
        }
    }

    private static ReadOnlySpan<byte> ReadOid(ref OpenPgpCursor cursor)
    {
        // RFC 6637 §9: a length octet (0 and 0xFF are reserved) and the DER OID contents.
        int length = cursor.ReadByte();
        if (length is 0 or byte.MaxValue)
        {
            throw new InvalidDataException($"key packet has a reserved curve OID length {length}");
        }

        return cursor.ReadBytes(length);
    }

    private static byte[]? ReadEd25519(ReadOnlySpan<byte> oid, ReadOnlySpan<byte> point) =>
        oid.SequenceEqual(Ed25519Oid) && point.Length == 1 + Ed25519KeyBytes && point[0] == NativePointPrefix
            ? point[1..].ToArray()
            : null;
}
