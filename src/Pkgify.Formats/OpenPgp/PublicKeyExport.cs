namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// Writes the public half of a transferable key as <c>gpg --export</c> does (RFC 4880 §11.1): key packets as
/// public key / public subkey packets with old-format headers and the shortest length that fits (gpg 2.2 writes
/// 0x98 for a 51-byte Ed25519 key, 0x99 for RSA), user IDs, user attributes and signatures copied unchanged,
/// trust and marker packets dropped.
/// </summary>
internal static class PublicKeyExport
{
    public static byte[] Export(TransferableKey key)
    {
        var components = key.Components.ToDictionary(c => c.Packet);
        using var output = new MemoryStream();
        foreach (var packet in key.Packets)
        {
            switch (packet.Tag)
            {
                case OpenPgpPacketTags.SecretKey or OpenPgpPacketTags.PublicKey:
                    WriteKey(output, OpenPgpPacketTags.PublicKey, components[packet].Public);
                    break;
                case OpenPgpPacketTags.SecretSubkey or OpenPgpPacketTags.PublicSubkey:
                    WriteKey(output, OpenPgpPacketTags.PublicSubkey, components[packet].Public);
                    break;
                case OpenPgpPacketTags.UserId or OpenPgpPacketTags.UserAttribute or OpenPgpPacketTags.Signature:
                    output.Write(packet.Raw.Span);
                    break;
            }
        }

        return output.ToArray();
    }

    private static void WriteKey(MemoryStream output, int tag, PublicKeyMaterial publicKey) =>
        output.Write(OpenPgpPacketHeader.OldFormatPacket(tag, publicKey.Body));
}
