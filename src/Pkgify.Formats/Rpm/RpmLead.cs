using System.Buffers.Binary;
using System.Text;

namespace Pkgify.Formats.Rpm;

/// <summary>
/// The 96-byte lead that starts every .rpm (`rpm: lib/rpmlead.c` @4.18; formats.md §2.2). rpm only checks the
/// magic, the signature type (5) and 3 ≤ major ≤ 4; the rest is informative.
/// </summary>
public static class RpmLead
{
    /// <summary>Length of the lead.</summary>
    public const int Size = 96;

    /// <summary>Lead type of a binary package.</summary>
    public const int TypeBinary = 0;
    /// <summary>Lead type of a source package.</summary>
    public const int TypeSource = 1;

    private static ReadOnlySpan<byte> Magic => [0xED, 0xAB, 0xEE, 0xDB];
    private const int MajorOffset = 4, MinorOffset = 5, TypeOffset = 6, ArchNumOffset = 8, NameOffset = 10;
    private const int NameFieldLength = 66, OsNumOffset = 76, SignatureTypeOffset = 78;

    /// <summary>rpmbuild 4.x writes major 3 even for v4 packages.</summary>
    private const byte MajorV4 = 3;
    private const int MinMajor = 3, MaxMajor = 4;
    private const short OsLinux = 1;
    /// <summary>RPMSIGTYPE_HEADERSIG: the signature is a header (the only kind rpm accepts).</summary>
    private const short SignatureTypeHeader = 5;

    /// <summary>
    /// Builds a lead for <paramref name="nevr"/> (<c>name-[epoch:]version-release</c>, as rpmbuild writes it),
    /// truncated to 65 bytes and NUL padded; archnum defaults to 1 (x86_64; rpm ignores it).
    /// </summary>
    public static byte[] Build(string nevr, bool isSource = false, short archNum = 1)
    {
        ArgumentNullException.ThrowIfNull(nevr);
        var lead = new byte[Size];
        Magic.CopyTo(lead);
        lead[MajorOffset] = MajorV4;
        lead[MinorOffset] = 0;
        BinaryPrimitives.WriteInt16BigEndian(lead.AsSpan(TypeOffset), (short)(isSource ? TypeSource : TypeBinary));
        BinaryPrimitives.WriteInt16BigEndian(lead.AsSpan(ArchNumOffset), archNum);
        byte[] name = Encoding.UTF8.GetBytes(nevr);
        // The field keeps a terminating NUL, so at most 65 name bytes survive (rpm copies with rstrlcpy).
        name.AsSpan(0, Math.Min(name.Length, NameFieldLength - 1)).CopyTo(lead.AsSpan(NameOffset));
        BinaryPrimitives.WriteInt16BigEndian(lead.AsSpan(OsNumOffset), OsLinux);
        BinaryPrimitives.WriteInt16BigEndian(lead.AsSpan(SignatureTypeOffset), SignatureTypeHeader);
        return lead;
    }

    /// <summary>Parses and checks a lead as rpm does (`rpmLeadCheck`).</summary>
    /// <exception cref="InvalidDataException">Too short, bad magic, unsupported major or signature type.</exception>
    public static RpmLeadInfo Read(ReadOnlySpan<byte> lead)
    {
        if (lead.Length < Size)
            throw new InvalidDataException($"rpm lead: {lead.Length} bytes, needs {Size}");
        if (!lead[..Magic.Length].SequenceEqual(Magic))
            throw new InvalidDataException("rpm lead: bad magic (not an rpm package)");
        int major = lead[MajorOffset];
        if (major is < MinMajor or > MaxMajor)
            throw new InvalidDataException($"rpm lead: unsupported format major version {major}");
        int signatureType = BinaryPrimitives.ReadInt16BigEndian(lead[SignatureTypeOffset..]);
        if (signatureType != SignatureTypeHeader)
            throw new InvalidDataException($"rpm lead: signature type {signatureType}, only {SignatureTypeHeader} (header) is supported");

        ReadOnlySpan<byte> nameField = lead.Slice(NameOffset, NameFieldLength);
        int nul = nameField.IndexOf((byte)0);
        string name = Encoding.UTF8.GetString(nul < 0 ? nameField : nameField[..nul]);
        return new RpmLeadInfo(major, lead[MinorOffset], BinaryPrimitives.ReadInt16BigEndian(lead[TypeOffset..]),
            BinaryPrimitives.ReadInt16BigEndian(lead[ArchNumOffset..]), name,
            BinaryPrimitives.ReadInt16BigEndian(lead[OsNumOffset..]), signatureType);
    }
}
