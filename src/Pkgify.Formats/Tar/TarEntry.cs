namespace Pkgify.Formats.Tar;

/// <summary>An entry read from a tar archive.</summary>
/// <param name="Header">The entry's metadata, with GNU long names and PAX records already applied.</param>
/// <param name="Content">
/// The entry's content (<see cref="TarEntryHeader.Size"/> bytes, forward-only); readable only until the next
/// call of <see cref="TarArchiveReader.Next"/>.
/// </param>
public sealed record TarEntry(TarEntryHeader Header, Stream Content);
