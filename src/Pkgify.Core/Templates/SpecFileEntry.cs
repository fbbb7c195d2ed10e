namespace Pkgify.Core.Templates;

/// <summary>Kind of a payload entry.</summary>
public enum SpecFileKind
{
    /// <summary>Regular file.</summary>
    File,
    /// <summary>Directory owned by the package.</summary>
    Directory,
    /// <summary>Symbolic link.</summary>
    Symlink,
}

/// <summary>One payload entry as the spec's %files lists it.</summary>
/// <param name="Path">Absolute target path, e.g. "/opt/ledger/app/ledger/web.py".</param>
/// <param name="Kind">File, directory or symlink.</param>
/// <param name="Mode">Permission bits (ignored for symlinks).</param>
/// <param name="Owner">Owning user name.</param>
/// <param name="Group">Owning group name.</param>
/// <param name="IsConfig">A conffile / %config(noreplace).</param>
/// <param name="IsDoc">Documentation (%doc).</param>
public sealed record SpecFileEntry(
    string Path, SpecFileKind Kind, UnixFileMode Mode,
    string Owner = "root", string Group = "root", bool IsConfig = false, bool IsDoc = false)
{
    /// <summary>True for a directory.</summary>
    public bool IsDir => Kind == SpecFileKind.Directory;

    /// <summary>True for a symbolic link.</summary>
    public bool IsSymlink => Kind == SpecFileKind.Symlink;

    /// <summary>The mode as four octal digits, e.g. "0644".</summary>
    public string ModeOctal => Convert.ToString((int)Mode & 0xFFF, 8).PadLeft(4, '0');
}
