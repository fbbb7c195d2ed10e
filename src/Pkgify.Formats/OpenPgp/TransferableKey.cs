namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// A transferable key (RFC 4880 §11.1 public, §11.2 secret): a primary key, its user IDs and signatures, and its
/// subkeys with their binding signatures, in the order the packets came.
/// </summary>
internal sealed class TransferableKey
{
    private TransferableKey(KeyComponent primary, List<OpenPgpPacket> packets)
    {
        Primary = primary;
        Packets = packets;
    }

    public KeyComponent Primary { get; }

    public List<KeyComponent> Subkeys { get; } = [];

    public IEnumerable<KeyComponent> Components => Subkeys.Prepend(Primary);

    /// <summary>Every packet of this key, in file order.</summary>
    public List<OpenPgpPacket> Packets { get; }

    public bool IsSecret => Primary.Packet.Tag == OpenPgpPacketTags.SecretKey;

    public static bool IsPrimaryTag(int tag) => tag is OpenPgpPacketTags.SecretKey or OpenPgpPacketTags.PublicKey;

    /// <summary>Groups a key ring's packets into transferable keys; stray packets before the first key are damage.</summary>
    public static List<TransferableKey> ParseRing(List<OpenPgpPacket> packets)
    {
        var keys = new List<TransferableKey>();
        TransferableKey? current = null;
        KeyComponent? component = null;
        foreach (var packet in packets)
        {
            if (IsPrimaryTag(packet.Tag))
            {
                component = ReadComponent(packet, isPrimary: true);
                current = new TransferableKey(component, [packet]);
                keys.Add(current);
                continue;
            }

            if (packet.Tag is OpenPgpPacketTags.Marker or OpenPgpPacketTags.Trust)
            {
                continue; // RFC 4880 §5.8 and §5.10: ignored on import.
            }

            if (current is null || component is null)
            {
                throw new InvalidDataException($"key ring starts with a packet of tag {packet.Tag} instead of a key");
            }

            current.Packets.Add(packet);
            if (packet.Tag is OpenPgpPacketTags.SecretSubkey or OpenPgpPacketTags.PublicSubkey)
            {
                component = ReadComponent(packet, isPrimary: false);
                current.Subkeys.Add(component);
            }
            else if (packet.Tag == OpenPgpPacketTags.Signature && TryParseSignature(packet) is { } signature
                     && component.IsRelevant(signature, current.Primary.Public))
            {
                component.SelfSignatures.Add(signature);
            }
        }

        return keys;
    }

    private static KeyComponent ReadComponent(OpenPgpPacket packet, bool isPrimary)
    {
        var secret = packet.Tag is OpenPgpPacketTags.SecretKey or OpenPgpPacketTags.SecretSubkey;
        var body = packet.Body.Span;
        var publicKey = PublicKeyMaterial.Parse(body, secret, out var publicLength);
        return new KeyComponent(packet, publicKey, secret ? SecretKeyPart.Parse(body[publicLength..]) : null, isPrimary);
    }

    private static ParsedSignature? TryParseSignature(OpenPgpPacket packet)
    {
        try
        {
            return ParsedSignature.ParseBody(packet.Body.Span);
        }
        catch (InvalidDataException)
        {
            // A certification we cannot read (a newer version, a third party's) says nothing we rely on.
            return null;
        }
    }
}
