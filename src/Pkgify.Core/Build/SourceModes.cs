using Pkgify.Core.Model;

namespace Pkgify.Core.Build;

/// <summary>
/// Permission bits of the files <c>build</c> takes from the project and the virtualenv, reduced to what version
/// control keeps: git records only whether a file is executable (mode 100644 or 100755, git-fast-import(1)
/// "filemodify"), so any other bit of a checkout comes from the umask of whoever cloned it. Directories and
/// executables become 0755, other files 0644; symlinks keep 0777. The packaged modes then never depend on
/// the builder's umask. (<c>pack</c> keeps a tree's modes exactly: there they are the user's input.)
/// </summary>
public static class SourceModes
{
    private const int AnyExecute = 0x49;   // 0111
    private const int Executable = 0x1ED;  // 0755
    private const int Plain = 0x1A4;       // 0644

    public static PackageFile Normalize(PackageFile file) => file.Kind switch
    {
        FileKind.Directory => file with { Mode = Executable },
        FileKind.Regular or FileKind.Hardlink => file with { Mode = (file.Mode & AnyExecute) != 0 ? Executable : Plain },
        _ => file,
    };
}
