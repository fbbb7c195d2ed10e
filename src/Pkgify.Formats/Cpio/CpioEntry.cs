namespace Pkgify.Formats.Cpio;

/// <summary>
/// One member returned by <see cref="CpioArchiveReader.Next"/>. <see cref="Content"/> reads exactly
/// <c>Header.Size</c> bytes and is only valid until the next call to <see cref="CpioArchiveReader.Next"/>.
/// </summary>
/// <param name="Header">
/// The member's metadata. For an rpm "stripped" member (<c>07070X</c>) the archive stores no metadata: the
/// name is empty, every number is 0 except <c>Size</c>, which came from the caller's size resolver.
/// </param>
/// <param name="FileIndex">For a stripped member, its index into the rpm header's file arrays; otherwise null.</param>
/// <param name="Content">The member's data.</param>
public sealed record CpioEntry(CpioEntryHeader Header, int? FileIndex, Stream Content)
{
    /// <summary>True for an rpm stripped member, whose metadata lives only in the rpm header.</summary>
    public bool IsStripped => FileIndex is not null;
}
