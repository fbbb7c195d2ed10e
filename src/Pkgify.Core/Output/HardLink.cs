using System.Runtime.InteropServices;

namespace Pkgify.Core.Output;

/// <summary>
/// link(2): a second name for an existing file, sharing its inode, so a content-addressed copy of a file costs
/// neither time nor space. .NET has no API for it (only symbolic links), hence the P/Invoke into glibc.
/// </summary>
internal static partial class HardLink
{
    // The versioned soname: plain "libc.so" is a linker script (libc6-dev), which dlopen cannot load.
    private const string Library = "libc.so.6";

    [LibraryImport(Library, EntryPoint = "link", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Link(string existingPath, string newPath);

    /// <summary>
    /// Makes <paramref name="newPath"/> a hard link to <paramref name="existingPath"/>; false when that is not
    /// possible (a file system without hard links: EPERM, ENOTSUP, EXDEV; <paramref name="newPath"/> exists;
    /// no glibc), so the caller copies instead.
    /// </summary>
    public static bool TryCreate(string existingPath, string newPath)
    {
        try
        {
            return Link(existingPath, newPath) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }
}
