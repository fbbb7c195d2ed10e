using System.Buffers;
using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// Builds a v4 signature packet (RFC 4880 §5.2.3) with exactly the subpackets the consumers need, in the order
/// gpg 2.2 writes them: hashed issuer fingerprint (33) and creation time (2), unhashed issuer key ID (16) —
/// rpm 4.18 finds the key only through 16, and rejects an unhashed creation time (formats.md §2.11).
/// </summary>
internal static class SignaturePacketBuilder
{
    private const byte Version4 = 4;
    private const byte FingerprintVersion4 = 4;
    private const int DigestPrefixBytes = 2;

    public static byte[] Build(OpenPgpSecretKey key, int signatureType, OpenPgpHash hash, long creationTime,
        Action<IncrementalHash> appendDocument)
    {
        var hashAlgorithm = (int)hash;
        var hashedPart = HashedPart(key, signatureType, hashAlgorithm, (uint)creationTime);
        byte[] digest;
        using (var hasher = HashAlgorithms.Create(hashAlgorithm, "signature"))
        {
            appendDocument(hasher);
            digest = SignatureHashing.Finish(hasher, Version4, hashedPart);
        }

        var unhashed = new ArrayBufferWriter<byte>();
        Span<byte> keyId = stackalloc byte[sizeof(ulong)];
        BinaryPrimitives.WriteUInt64BigEndian(keyId, key.KeyId);
        SignatureSubpacket.Write(unhashed, SignatureSubpacket.IssuerKeyId, keyId);

        var body = new ArrayBufferWriter<byte>();
        body.Write(hashedPart);
        WriteArea(body, unhashed.WrittenSpan);
        body.Write(digest.AsSpan(0, DigestPrefixBytes));
        foreach (var mpi in key.Material.Sign(digest, hashAlgorithm))
        {
            Mpi.Write(body, mpi);
        }

        return OpenPgpPacketHeader.OldFormatPacket(OpenPgpPacketTags.Signature, body.WrittenSpan);
    }

    private static byte[] HashedPart(OpenPgpSecretKey key, int signatureType, int hashAlgorithm, uint creationTime)
    {
        var area = new ArrayBufferWriter<byte>();
        SignatureSubpacket.Write(area, SignatureSubpacket.IssuerFingerprint, [FingerprintVersion4, .. key.PublicKey.Fingerprint]);
        Span<byte> time = stackalloc byte[sizeof(uint)];
        BinaryPrimitives.WriteUInt32BigEndian(time, creationTime);
        SignatureSubpacket.Write(area, SignatureSubpacket.CreationTime, time);

        var part = new ArrayBufferWriter<byte>();
        part.Write([Version4, (byte)signatureType, (byte)key.PublicKey.Algorithm, (byte)hashAlgorithm]);
        WriteArea(part, area.WrittenSpan);
        return part.WrittenSpan.ToArray();
    }

    private static void WriteArea(ArrayBufferWriter<byte> output, ReadOnlySpan<byte> area)
    {
        Span<byte> length = stackalloc byte[sizeof(ushort)];
        BinaryPrimitives.WriteUInt16BigEndian(length, checked((ushort)area.Length));
        output.Write(length);
        output.Write(area);
    }
}
