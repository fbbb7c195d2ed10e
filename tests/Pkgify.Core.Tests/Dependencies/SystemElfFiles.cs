using Pkgify.Formats.Elf;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>Real ELF files of the test machine, for comparisons with rpm's and dpkg's own tools.</summary>
internal static class SystemElfFiles
{
    /// <summary>
    /// Shared libraries, executables (PIE, non-PIE, setuid), helper programs and Python extension modules of this
    /// system, about <paramref name="size"/> of them sampled evenly from the sorted list. Symbolic links, to files
    /// or directories, are not followed.
    /// </summary>
    public static List<string> Sample(int size)
    {
        var flat = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint };
        var deep = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint, RecurseSubdirectories = true };
        var all = new[] { ("/usr/lib/x86_64-linux-gnu", flat), ("/usr/bin", flat), ("/usr/sbin", flat), ("/usr/libexec", deep), ("/usr/lib/python3/dist-packages", deep) }
            .Where(d => Directory.Exists(d.Item1))
            .SelectMany(d => Directory.EnumerateFiles(d.Item1, "*", d.Item2))
            .Where(f => new FileInfo(f).Length > 0 && ElfReader.IsElf(f))
            .Order(StringComparer.Ordinal)
            .ToList();
        var step = Math.Max(1, all.Count / size);
        return all.Where((_, i) => i % step == 0).ToList();
    }

    /// <summary>Like <see cref="Sample"/>, keeping dynamically linked executables and shared objects only.</summary>
    public static List<string> LinkedSample(int size)
    {
        var linked = Sample(int.MaxValue).Where(f => ElfReader.Read(f) is { Needed.Length: > 0, Header.Type: ElfFileType.Executable or ElfFileType.SharedObject }).ToList();
        var step = Math.Max(1, linked.Count / size);
        return linked.Where((_, i) => i % step == 0).ToList();
    }
}
