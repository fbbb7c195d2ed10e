using System.Buffers.Binary;
using Pkgify.Formats.OpenPgp;
using Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.OpenPgp;

/// <summary>The bounded signature packet parser: gpg's packets, byte vectors, and damage of every kind.</summary>
public class OpenPgpSignatureReaderTests
{
    private const long Time = OpenPgpTestKeys.SignatureTime;
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(20);

    [TestCase(GpgTestKeyKind.Rsa4096, "SHA256", 1, 8)]
    [TestCase(GpgTestKeyKind.Ed25519, "SHA512", 22, 10)]
    [TestCase(GpgTestKeyKind.SigningSubkey, "SHA384", 1, 9)]
    public void Reads_what_gpg_signs(GpgTestKeyKind kind, string digest, int publicKeyAlgorithm, int hashAlgorithm)
    {
        var key = OpenPgpTestKeys.Get(kind);
        var info = OpenPgpSignatureReader.Read(OpenPgpSignerGpgTests.GpgSign(key, "line\n"u8.ToArray(), "--digest-algo", digest, "--detach-sign"));
        info.ShouldBe(new OpenPgpSignatureInfo(4, 0x00, publicKeyAlgorithm, hashAlgorithm, Time,
            Convert.ToUInt64(key.SigningFingerprint[^16..], 16), key.SigningFingerprint));

        OpenPgpSignatureReader.Read(OpenPgpSignerGpgTests.GpgSign(key, "line\n"u8.ToArray(), "--textmode", "--detach-sign")).SignatureType.ShouldBe(0x01);
    }

    [Test]
    public void Our_Ed25519_packet_has_the_documented_bytes()
    {
        // formats.md §5.1/§5.2: old-format CTB 0x88 + 1-byte length; v4, type 0, EdDSA (22), SHA-512 (10);
        // hashed area 29 bytes = issuer fingerprint (len 22, type 33, v4, 20 bytes) + creation time (len 5, type 2);
        // unhashed area 10 bytes = issuer key ID (len 9, type 16); 2 digest bytes; MPIs R and S.
        var key = OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519);
        var packet = OpenPgpSigner.SignDetached(key, new MemoryStream("x"u8.ToArray()), Time, OpenPgpHash.Sha512);
        var fingerprint = Convert.FromHexString(key.Fingerprint);
        byte[] time = new byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(time, (uint)Time);
        byte[] expectedStart =
        [
            0x88, (byte)(packet.Length - 2), 0x04, 0x00, 22, 10, 0x00, 29,
            22, 33, 0x04, .. fingerprint, 5, 2, .. time,
            0x00, 10, 9, 16, .. fingerprint[^8..],
        ];
        packet[..expectedStart.Length].ShouldBe(expectedStart);
        var mpis = packet.AsSpan(expectedStart.Length + 2);
        var rLength = (BinaryPrimitives.ReadUInt16BigEndian(mpis) + 7) / 8;
        var sLength = (BinaryPrimitives.ReadUInt16BigEndian(mpis[(2 + rLength)..]) + 7) / 8;
        (2 + rLength + 2 + sLength).ShouldBe(mpis.Length);
    }

    [Test]
    public void Reads_a_v3_packet_and_new_format_headers()
    {
        byte[] v3Body =
        [
            3, 5, 0x00, 0x65, 0x53, 0xF1, 0x00, 1, 2, 3, 4, 5, 6, 7, 8, 1, 8, 0xAB, 0xCD, 0x00, 0x08, 0x9F,
        ];
        OpenPgpSignatureReader.Read(Packet(v3Body))
            .ShouldBe(new OpenPgpSignatureInfo(3, 0, 1, 8, 0x6553F100, 0x0102030405060708, null));
        // The same body framed with a new-format header (0xC2, one-octet length).
        OpenPgpSignatureReader.Read([0xC2, (byte)v3Body.Length, .. v3Body]).Version.ShouldBe(3);
    }

    [Test]
    public void Issuer_key_id_is_null_when_the_packet_lacks_subpacket_16()
    {
        var packet = Rebuild(hashed: [Subpacket(2, 0x65, 0x53, 0xF1, 0x00)], unhashed: []);
        var info = OpenPgpSignatureReader.Read(packet);
        info.IssuerKeyId.ShouldBeNull();
        info.IssuerFingerprint.ShouldBeNull();
        info.CreationTime.ShouldBe(0x6553F100);
    }

    [Test]
    public void Creation_time_must_be_hashed()
    {
        Should.Throw<InvalidDataException>(() => OpenPgpSignatureReader.Read(Rebuild(hashed: [], unhashed: [Subpacket(2, 0, 0, 0, 1)])))
            .Message.ShouldContain("no hashed creation time");
    }

    [Test]
    public void Every_truncation_is_InvalidDataException()
    {
        foreach (var packet in SamplePackets())
        {
            BoundedRun.Within(Bound, () =>
            {
                for (var length = 0; length < packet.Length; length++)
                {
                    var cut = packet[..length];
                    Should.Throw<InvalidDataException>(() => OpenPgpSignatureReader.Read(cut), $"length {length}");
                }
            });
        }
    }

    [Test]
    public void Every_single_bit_flip_reads_or_is_InvalidDataException()
    {
        foreach (var packet in SamplePackets())
        {
            BoundedRun.Within(Bound, () =>
            {
                for (var bit = 0; bit < packet.Length * 8; bit++)
                {
                    var damaged = (byte[])packet.Clone();
                    damaged[bit / 8] ^= (byte)(1 << (bit % 8));
                    ReadsOrRejects(damaged);
                }
            });
        }
    }

    [Test]
    public void Random_damage_reads_or_is_InvalidDataException()
    {
        var random = new Random(4880);
        foreach (var packet in SamplePackets())
        {
            BoundedRun.Within(Bound, () =>
            {
                for (var round = 0; round < 3000; round++)
                {
                    var damaged = (byte[])packet.Clone();
                    for (var n = random.Next(1, 8); n > 0; n--)
                    {
                        damaged[random.Next(damaged.Length)] = (byte)random.Next(256);
                    }

                    ReadsOrRejects(damaged[..random.Next(damaged.Length + 1)]);
                    ReadsOrRejects(damaged);
                }
            });
        }
    }

    [Test]
    public void Huge_and_impossible_lengths_are_InvalidDataException()
    {
        var body = SamplePackets()[0][3..]; // drop the 0x89 + 2-byte length header
        byte[][] cases =
        [
            [0x8A, 0xFF, 0xFF, 0xFF, 0xFF, .. body], // old format, 4-byte length far past the data
            [0xC2, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, .. body], // new format, 5-byte length
            [0xC2, 0xE1, .. body], // new format partial length
            [0x8B, .. body], // old format indeterminate length
            Packet(), // empty body
            Packet(4, 0, 1, 8), // v4 ends before the hashed area length
            Packet(4, 0, 1, 8, 0xFF, 0xFF, 0, 0), // hashed area length 65535
            Packet(4, 0, 1, 8, 0x00, 0x06, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 2), // 5-byte subpacket length
            Packet(4, 0, 1, 8, 0x00, 0x02, 0x00, 2, 0, 0), // zero-length subpacket
            Packet(4, 0, 1, 8, 0x00, 0x06, 5, 2, 1, 2, 3, 4, 0, 0, 1, 2, 0xFF, 0xFF), // MPI of 65535 bits, no bytes
            Packet(4, 0, 1, 8, 0x00, 0x06, 5, 2, 1, 2, 3, 4, 0, 0, 1, 2, 0, 1, 1, 0xEE), // a byte after the MPI
            Packet(4, 0, 1, 8, 0x00, 0x06, 5, 2, 1, 2, 3, 4, 0, 0, 1, 2), // RSA signature without its MPI
            Packet(4, 0, 1, 8, 0x00, 0x05, 4, 2, 1, 2, 3, 0, 0, 1, 2, 0, 1, 1), // 3-byte creation time
            Packet(4, 0, 1, 8, 0x00, 0x06, 5, 2, 1, 2, 3, 4, 0, 0x02, 1, 16, 1, 2, 0, 1, 1), // 0-byte issuer key ID
            Packet(3, 4, 0, 1, 2, 3), // v3 with hashed length 4
            Packet(5), // unsupported version
            [0x98, 0x01, 4], // not a signature packet (public key tag 6)
            [0x00, 0x01, 4], // not a packet at all
            [.. SamplePackets()[0], 0x00], // trailing byte after the packet
        ];
        foreach (var packet in cases)
        {
            BoundedRun.Within(Bound, () => Should.Throw<InvalidDataException>(() => OpenPgpSignatureReader.Read(packet),
                Convert.ToHexString(packet[..Math.Min(16, packet.Length)])));
        }
    }

    private static void ReadsOrRejects(byte[] packet)
    {
        try
        {
            OpenPgpSignatureReader.Read(packet);
        }
        catch (InvalidDataException)
        {
        }
    }

    private static List<byte[]> SamplePackets() =>
    [
        OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(GpgTestKeyKind.Rsa3072), new MemoryStream([1, 2, 3]), Time),
        OpenPgpSigner.SignDetached(OpenPgpTestKeys.Load(GpgTestKeyKind.Ed25519), new MemoryStream([1, 2, 3]), Time),
    ];

    private static byte[] Packet(params byte[] body) => [0x88, (byte)body.Length, .. body];

    private static byte[] Subpacket(int type, params byte[] data) => [(byte)(data.Length + 1), (byte)type, .. data];

    /// <summary>A v4 RSA/SHA-256 signature packet with the given subpacket areas and a dummy 1-byte MPI.</summary>
    private static byte[] Rebuild(byte[][] hashed, byte[][] unhashed)
    {
        var hashedArea = hashed.SelectMany(s => s).ToArray();
        var unhashedArea = unhashed.SelectMany(s => s).ToArray();
        byte[] body =
        [
            4, 0x00, 1, 8, (byte)(hashedArea.Length >> 8), (byte)hashedArea.Length, .. hashedArea,
            (byte)(unhashedArea.Length >> 8), (byte)unhashedArea.Length, .. unhashedArea,
            0xAB, 0xCD, 0x00, 0x08, 0x9F,
        ];
        return Packet(body);
    }
}
