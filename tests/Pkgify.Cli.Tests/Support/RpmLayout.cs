using Pkgify.Formats.Rpm;
using Shouldly;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// Where things sit inside an .rpm file, found with the project's header reader, so tests damage exactly one field.
/// </summary>
public static class RpmLayout
{
    // A header starts with magic (8) + il (4) + dl (4), then il index entries of 16 bytes, then the data store that
    // entry offsets are relative to (formats.md §2.3).
    private const int HeaderPreambleLength = 16;
    private const int IndexEntryLength = 16;

    /// <summary>File offset of the data of signature-header entry <paramref name="tag"/>, and the entry itself.</summary>
    public static (long Offset, RpmHeaderEntry Entry) SignatureField(string rpm, int tag)
    {
        var signature = Open(rpm).Signature;
        var entry = signature.GetEntry(tag);
        entry.ShouldNotBeNull($"signature tag {tag} is absent from {rpm}");
        long dataStore = RpmLead.Size + HeaderPreambleLength + (long)signature.Entries.Count * IndexEntryLength;
        return (dataStore + entry.Offset, entry);
    }

    /// <summary>File offset of the first byte of the (compressed) payload.</summary>
    public static long PayloadOffset(string rpm) => Open(rpm).PayloadOffset;

    private static RpmPackage Open(string rpm)
    {
        using var file = File.OpenRead(rpm);
        return RpmPackageReader.Open(file);
    }
}
