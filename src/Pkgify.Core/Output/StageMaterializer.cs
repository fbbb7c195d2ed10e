using Mono.Unix.Native;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;

namespace Pkgify.Core.Output;

/// <summary>
/// Writes one family's files of a model into a directory, as they would be installed (modes, links,
/// mtimes; ownership is left to the caller's account). This is the "staged tree" that `pkgify build
/// --stage DIR` leaves for inspection and that a spec from `pkgify render` can be built over.
/// </summary>
public static class StageMaterializer
{
    public static void Write(PackageModel model, PackageFamily family, string directory)
    {
        Directory.CreateDirectory(directory);
        var root = Path.GetFullPath(directory);
        var directories = new List<PackageFile>();
        foreach (var f in model.FilesFor(family))
        {
            var target = root + f.Path;
            switch (f.Kind)
            {
                case FileKind.Directory:
                    Directory.CreateDirectory(target);
                    directories.Add(f);
                    break;
                case FileKind.Symlink:
                    Check(Syscall.symlink(f.LinkTarget, target), target);
                    break;
                case FileKind.Hardlink:
                    Check(Syscall.link(root + f.LinkTarget, target), target);
                    break;
                default:
                    using (var source = f.Source!.Open())
                    using (var dest = new FileStream(target, FileMode.CreateNew, FileAccess.Write))
                        source.CopyTo(dest);
                    Check(Syscall.chmod(target, (FilePermissions)f.Mode), target);
                    SetMTime(target, f.MTime);
                    break;
            }
        }
        // Directories last, deepest first: creating entries inside them would change their mtime.
        foreach (var d in directories.OrderByDescending(d => d.Path.Length))
        {
            Check(Syscall.chmod(root + d.Path, (FilePermissions)d.Mode), root + d.Path);
            SetMTime(root + d.Path, d.MTime);
        }
    }

    private static void SetMTime(string path, long mtime)
    {
        var times = new[] { new Timespec { tv_sec = mtime }, new Timespec { tv_sec = mtime } };
        Check(Syscall.utimensat(Syscall.AT_FDCWD, path, times, AtFlags.AT_SYMLINK_NOFOLLOW), path);
    }

    private static void Check(int rc, string path)
    {
        if (rc != 0)
            throw new BuildException($"staging {path} failed: {Stdlib.GetLastError()}");
    }
}
