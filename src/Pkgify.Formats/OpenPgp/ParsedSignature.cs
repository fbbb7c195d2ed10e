using System.Buffers.Binary;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// A signature packet body taken apart (RFC 4880 §5.2): v3 fixed fields or v4 subpacket areas, the left 16 bits
/// of the digest and the algorithm's MPIs. Only reading: what it means is up to the caller.
/// </summary>
internal sealed class ParsedSignature
{
    private const int Version3 = 3;
    private const int Version4 = 4;
    private const int V3HashedLength = 5;
    private const int V4FingerprintVersion = 4;
    private const int V4FingerprintBytes = 20;

    public int Version { get; private init; }

    public int SignatureType { get; private init; }

    public int PublicKeyAlgorithm { get; private init; }

    public int HashAlgorithm { get; private init; }

    /// <summary>From the v3 field or the hashed v4 creation-time subpacket; null when a v4 packet lacks it.</summary>
    public long? CreationTime { get; private init; }

    /// <summary>The v3 key ID field or the first issuer key ID subpacket (hashed or not).</summary>
    public ulong? IssuerKeyId { get; private init; }

    /// <summary>The 20-byte v4 fingerprint of the first issuer fingerprint subpacket.</summary>
    public byte[]? IssuerFingerprint { get; private init; }

    /// <summary>
    /// What the signature adds to the hashed data: for v3 the type and creation time; for v4 everything from the
    /// version octet to the end of the hashed subpackets (RFC 4880 §5.2.4).
    /// </summary>
    public byte[] HashedPart { get; private init; } = [];

    public List<SignatureSubpacket> HashedSubpackets { get; private init; } = [];

    public List<SignatureSubpacket> UnhashedSubpackets { get; private init; } = [];

    public byte[] DigestPrefix { get; private init; } = [];

    /// <summary>The signature MPIs; empty for algorithms whose layout we do not know.</summary>
    public List<byte[]> Mpis { get; private init; } = [];

    /// <summary>Parses a whole signature packet (header included) that must fill <paramref name="packet"/> exactly.</summary>
    public static ParsedSignature ParsePacket(ReadOnlySpan<byte> packet)
    {
        var header = OpenPgpPacketHeader.Read(packet, 0);
        if (header.Tag != OpenPgpPacketTags.Signature)
        {
            throw new InvalidDataException($"OpenPGP packet has tag {header.Tag}, not a signature (2)");
        }

        if (header.TotalLength != packet.Length)
        {
            throw new InvalidDataException($"{packet.Length - header.TotalLength} bytes follow the signature packet");
        }

        return ParseBody(packet.Slice(header.HeaderLength, header.BodyLength));
    }

    /// <summary>Parses a signature packet body.</summary>
    public static ParsedSignature ParseBody(ReadOnlySpan<byte> body)
    {
        var cursor = new OpenPgpCursor(body, "signature packet");
        int version = cursor.ReadByte();
        return version switch
        {
            Version3 => ParseV3(ref cursor),
            Version4 => ParseV4(ref cursor, body),
            _ => throw new InvalidDataException($"signature packet version {version} is not supported (v3 and v4 only)"),
        };
    }

    private static ParsedSignature ParseV3(ref OpenPgpCursor cursor)
    {
        if (cursor.ReadByte() != V3HashedLength)
        {
            throw new InvalidDataException("v3 signature packet has a hashed length other than 5");
        }

        var hashed = cursor.ReadBytes(V3HashedLength).ToArray();
        var keyId = BinaryPrimitives.ReadUInt64BigEndian(cursor.ReadBytes(sizeof(ulong)));
        int publicKeyAlgorithm = cursor.ReadByte();
        int hashAlgorithm = cursor.ReadByte();
        var prefix = cursor.ReadBytes(2).ToArray();
        return new ParsedSignature
        {
            Version = Version3,
            SignatureType = hashed[0],
            CreationTime = BinaryPrimitives.ReadUInt32BigEndian(hashed.AsSpan(1)),
            IssuerKeyId = keyId,
            PublicKeyAlgorithm = publicKeyAlgorithm,
            HashAlgorithm = hashAlgorithm,
            HashedPart = hashed,
            DigestPrefix = prefix,
            Mpis = ReadMpis(ref cursor, publicKeyAlgorithm),
        };
    }

    private static ParsedSignature ParseV4(ref OpenPgpCursor cursor, ReadOnlySpan<byte> body)
    {
        int signatureType = cursor.ReadByte();
        int publicKeyAlgorithm = cursor.ReadByte();
        int hashAlgorithm = cursor.ReadByte();
        var hashed = SignatureSubpacket.ParseArea(cursor.ReadBytes(cursor.ReadUInt16()));
        var hashedPart = body[..cursor.Position].ToArray();
        var unhashed = SignatureSubpacket.ParseArea(cursor.ReadBytes(cursor.ReadUInt16()));
        var prefix = cursor.ReadBytes(2).ToArray();
        var all = hashed.Concat(unhashed).ToList();
        return new ParsedSignature
        {
            Version = Version4,
            SignatureType = signatureType,
            PublicKeyAlgorithm = publicKeyAlgorithm,
            HashAlgorithm = hashAlgorithm,
            // RFC 4880 §5.2.3.4: the creation time counts only when hashed (rpm 4.18 enforces the same).
            CreationTime = hashed.FirstOrDefault(s => s.Type == SignatureSubpacket.CreationTime) is { } time
                ? ReadUInt32(time, "signature creation time")
                : null,
            IssuerKeyId = all.FirstOrDefault(s => s.Type == SignatureSubpacket.IssuerKeyId) is { } id
                ? ReadKeyId(id)
                : null,
            IssuerFingerprint = all.FirstOrDefault(s => s.Type == SignatureSubpacket.IssuerFingerprint) is { } fpr
                ? ReadFingerprint(fpr)
                : null,
            HashedPart = hashedPart,
            HashedSubpackets = hashed,
            UnhashedSubpackets = unhashed,
            DigestPrefix = prefix,
            Mpis = ReadMpis(ref cursor, publicKeyAlgorithm),
        };
    }

    private static List<byte[]> ReadMpis(ref OpenPgpCursor cursor, int publicKeyAlgorithm)
    {
        var count = PublicKeyAlgorithms.SignatureMpiCount(publicKeyAlgorithm);
        if (count == 0)
        {
            // Unknown algorithm: its fields cannot be checked, but they must at least exist.
            cursor.ReadRest();
            return [];
        }

        var mpis = new List<byte[]>(count);
        for (var i = 0; i < count; i++)
        {
            mpis.Add(cursor.ReadMpi().ToArray());
        }

        cursor.ExpectEnd();
        return mpis;
    }

    private static uint ReadUInt32(SignatureSubpacket subpacket, string what) =>
        subpacket.Data.Length == sizeof(uint)
            ? BinaryPrimitives.ReadUInt32BigEndian(subpacket.Data)
            : throw new InvalidDataException($"{what} subpacket has {subpacket.Data.Length} bytes, not 4");

    private static ulong ReadKeyId(SignatureSubpacket subpacket) =>
        subpacket.Data.Length == sizeof(ulong)
            ? BinaryPrimitives.ReadUInt64BigEndian(subpacket.Data)
            : throw new InvalidDataException($"issuer key ID subpacket has {subpacket.Data.Length} bytes, not 8");

    private static byte[]? ReadFingerprint(SignatureSubpacket subpacket)
    {
        // RFC 9580 §5.2.3.35: a key version octet then the fingerprint; only v4 (20 bytes) is meaningful here,
        // a v6 one (32 bytes) is kept out rather than misreported.
        if (subpacket.Data.Length == 0)
        {
            throw new InvalidDataException("issuer fingerprint subpacket is empty");
        }

        return subpacket.Data[0] == V4FingerprintVersion && subpacket.Data.Length == 1 + V4FingerprintBytes
            ? subpacket.Data[1..]
            : null;
    }
}
