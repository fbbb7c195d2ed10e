using System.Buffers.Binary;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>Where one header of a seed rpm sits: its start (the magic), il, dl and where its data store begins.</summary>
internal sealed record RpmHeaderSpan(string Name, int Start, int Il, int Dl)
{
    public const int PreambleLength = 16, IndexEntryLength = 16, RegionTrailerLength = 16;
    public const int IlOffset = 8, DlOffset = 12;

    public int IndexStart => Start + PreambleLength;
    public int DataStart => IndexStart + (Il * IndexEntryLength);
    public int End => DataStart + Dl;
}

/// <summary>
/// The test's own view of a VALID seed rpm (formats.md §2.1, §2.3): lead (96 bytes), signature header, zero pad
/// to 8, main header, payload; so mutations can aim at il/dl, index entries, the region trailer, the data store
/// and the payload.
/// </summary>
internal sealed record RpmBytes(RpmHeaderSpan Signature, RpmHeaderSpan Main)
{
    public const int LeadLength = 96;
    private const int SignatureAlignment = 8;

    public int PayloadStart => Main.End;

    public static RpmBytes Parse(byte[] rpm)
    {
        var signature = Span("signature header", rpm, LeadLength);
        var mainStart = signature.End + ((SignatureAlignment - (signature.End - LeadLength) % SignatureAlignment) % SignatureAlignment);
        return new RpmBytes(signature, Span("main header", rpm, mainStart));
    }

    private static RpmHeaderSpan Span(string name, byte[] rpm, int start) => new(
        name, start,
        BinaryPrimitives.ReadInt32BigEndian(rpm.AsSpan(start + RpmHeaderSpan.IlOffset)),
        BinaryPrimitives.ReadInt32BigEndian(rpm.AsSpan(start + RpmHeaderSpan.DlOffset)));

    public static int ReadWord(byte[] rpm, int at) => BinaryPrimitives.ReadInt32BigEndian(rpm.AsSpan(at));

    /// <summary>A copy with the big-endian 32-bit word at <paramref name="at"/> replaced.</summary>
    public static byte[] WithWord(byte[] rpm, int at, int value)
    {
        var bytes = (byte[])rpm.Clone();
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(at), value);
        return bytes;
    }
}
