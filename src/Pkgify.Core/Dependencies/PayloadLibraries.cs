using Pkgify.Core.Dependencies.Debian;
using System.Text.RegularExpressions;
using Pkgify.Formats.Elf;

namespace Pkgify.Core.Dependencies;

/// <summary>One ELF file of the payload.</summary>
internal sealed record PayloadElf(string HostPath, string InstallPath, ElfFile Elf, bool Executable);

/// <summary>
/// What the payload carries itself, so that a library it ships adds no relation: every DT_SONAME of its ELF
/// files, and every file the dynamic linker would find through a file's RPATH/RUNPATH (with <c>$ORIGIN</c>
/// resolved against the file's install path, as ld.so(8) does) or in the standard library directories.
/// </summary>
internal sealed partial class PayloadLibraries
{
    // The linker's default directories, multiarch ones included (/usr/lib/x86_64-linux-gnu).
    [GeneratedRegex(@"^/(usr/)?lib(64)?(/[^/]+-linux-gnu[^/]*)?$")]
    private static partial Regex StandardDirectory();

    private static readonly string[] OriginTokens = ["${ORIGIN}", "$ORIGIN"];

    private readonly HashSet<string> _installPaths;
    private readonly HashSet<string> _sonames;
    private readonly HashSet<string> _inStandardDirectories;

    public PayloadLibraries(IReadOnlyList<PayloadElf> elves, IEnumerable<string> installPaths)
    {
        _installPaths = new HashSet<string>(installPaths.Select(PosixPath.Normalize), StringComparer.Ordinal);
        _sonames = new HashSet<string>(elves.Select(e => e.Elf.SoName).OfType<string>().Where(s => s.Length > 0), StringComparer.Ordinal);
        _inStandardDirectories = new HashSet<string>(
            _installPaths.Where(p => StandardDirectory().IsMatch(PosixPath.Directory(p))).Select(Path.GetFileName).OfType<string>(),
            StringComparer.Ordinal);
    }

    /// <summary>The sonames <paramref name="file"/> needs that the payload satisfies.</summary>
    public IReadOnlySet<string> Carried(PayloadElf file)
    {
        var origin = PosixPath.Directory(file.InstallPath);
        var directories = file.Elf.SearchPath.Select(d => Expand(d, origin)).OfType<string>().ToList();
        return file.Elf.Needed.Where(soname => _sonames.Contains(soname)
                || directories.Any(d => _installPaths.Contains(PosixPath.Normalize(d + "/" + soname)))
                || _inStandardDirectories.Contains(soname))
            .ToHashSet(StringComparer.Ordinal);
    }

    // $ORIGIN is the directory of the installed file; relative entries are relative to the process's working
    // directory at run time (unknowable), so they are not searched.
    private static string? Expand(string directory, string origin)
    {
        var expanded = OriginTokens.Aggregate(directory, (d, token) => d.Replace(token, origin, StringComparison.Ordinal));
        return expanded.StartsWith('/') ? expanded : null;
    }
}
