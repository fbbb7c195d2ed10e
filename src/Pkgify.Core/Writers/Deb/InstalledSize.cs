using Pkgify.Core.Model;

namespace Pkgify.Core.Writers.Deb;

/// <summary>
/// Installed-Size in KiB as dpkg-gencontrol computes it (deb-substvars(5), formats.md §1.6): the package
/// root counts 1, each directory 1, each regular file or symlink ceil(size / 1024) with every hardlinked
/// inode counted once.
/// </summary>
public static class InstalledSize
{
    public static long KiB(IEnumerable<PackageFile> files)
    {
        long total = 1; // the root directory of the package tree
        foreach (var f in files)
        {
            total += f.Kind switch
            {
                FileKind.Directory => 1,
                FileKind.Hardlink => 0,
                _ => (f.Size + 1023) / 1024,
            };
        }
        return total;
    }
}
