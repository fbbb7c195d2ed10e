namespace Pkgify.Formats.OpenPgp;

/// <summary>Packet tags used here (RFC 4880 §4.3).</summary>
internal static class OpenPgpPacketTags
{
    public const int Signature = 2;
    public const int SecretKey = 5;
    public const int PublicKey = 6;
    public const int SecretSubkey = 7;
    public const int Marker = 10;
    public const int Trust = 12;
    public const int UserId = 13;
    public const int PublicSubkey = 14;
    public const int UserAttribute = 17;
}
