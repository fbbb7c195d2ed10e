namespace Pkgify.TestSupport;

/// <summary>
/// One entry of a file tree as lstat sees it (symlinks are not followed).
/// </summary>
/// <param name="RelPath">Path relative to the tree root, '/'-separated, no leading "./".</param>
/// <param name="Type">'f' regular file, 'd' directory, 'l' symlink, 'c'/'b' device, 'p' fifo, 's' socket.</param>
/// <param name="Mode">Permission bits including setuid/setgid/sticky (mode &amp; 07777).</param>
/// <param name="LinkTarget">The symlink's stored target text; null for other types.</param>
/// <param name="Size">Byte size of a regular file; 0 for every other type.</param>
/// <param name="Sha256">Lower-case hex SHA-256 of a regular file's content; null for other types.</param>
/// <param name="LinkCount">Hard link count of a regular file or symlink; 0 for directories, whose
/// count depends on the file system rather than on the tree.</param>
public sealed record TreeEntry(string RelPath, char Type, int Mode, string? LinkTarget, long Size, string? Sha256, int LinkCount)
{
    /// <summary>The mode as four octal digits, as ls/stat/tar print it.</summary>
    public string OctalMode => Convert.ToString(Mode, 8).PadLeft(4, '0');

    /// <inheritdoc />
    public override string ToString() =>
        $"{Type} {OctalMode} {RelPath}" + (LinkTarget is null ? "" : $" -> {LinkTarget}")
        + (Type == 'f' ? $" ({Size} bytes, {LinkCount} link(s))" : "");
}
