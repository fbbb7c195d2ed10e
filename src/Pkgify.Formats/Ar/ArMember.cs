namespace Pkgify.Formats.Ar;

/// <summary>A member read from an ar archive.</summary>
/// <param name="Name">Member name with trailing spaces and one GNU-style trailing '/' removed.</param>
/// <param name="MTime">Modification time from the header (decimal seconds).</param>
/// <param name="Mode">File mode from the header (octal in the archive), e.g. 0x81A4 for 100644.</param>
/// <param name="Size">Data size in bytes.</param>
/// <param name="Content">The data, forward-only; readable only until the next call of <see cref="ArArchiveReader.Next"/>.</param>
public sealed record ArMember(string Name, long MTime, int Mode, long Size, Stream Content);
