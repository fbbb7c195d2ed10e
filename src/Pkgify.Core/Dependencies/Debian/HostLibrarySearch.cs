using System.Text.RegularExpressions;
using Pkgify.Formats.Elf;

namespace Pkgify.Core.Dependencies.Debian;

/// <summary>
/// Finds the build host's copies of a needed library in the order dpkg-shlibdeps looks (Dpkg::Shlibs
/// find_library): the binary's own absolute RPATH/RUNPATH entries, /lib and /usr/lib, the directories of
/// /etc/ld.so.conf (following its includes), then /lib32, /usr/lib32, /lib64, /usr/lib64. A candidate counts
/// only when its ELF ABI matches the binary's. LD_LIBRARY_PATH is ignored: the result must not depend on it.
/// </summary>
internal sealed partial class HostLibrarySearch
{
    private static readonly string[] DefaultDirectories = ["/lib", "/usr/lib"];
    private static readonly string[] MultilibDirectories = ["/lib32", "/usr/lib32", "/lib64", "/usr/lib64"];

    [GeneratedRegex(@"^include\s+(\S.*\S)\s*$")]
    private static partial Regex Include();

    private readonly List<string> _directories;

    public HostLibrarySearch(HostSystem host)
    {
        var fromConf = new List<string>(DefaultDirectories);
        if (File.Exists(host.LdSoConf))
            ReadLdSoConf(host.LdSoConf, fromConf, []);
        _directories = [.. fromConf, .. MultilibDirectories];
    }

    /// <summary>The system directories in search order.</summary>
    public IReadOnlyList<string> Directories => _directories;

    /// <summary>Paths of host files named <paramref name="soname"/> with the given ABI, in search order.</summary>
    public List<string> Find(string soname, IEnumerable<string> runPathDirectories, ElfAbi abi)
    {
        var found = new List<string>();
        foreach (var dir in runPathDirectories.Concat(_directories))
        {
            var candidate = PosixPath.Normalize(dir + "/" + soname);
            if (!found.Contains(candidate) && MatchesAbi(candidate, abi))
                found.Add(candidate);
        }
        return found;
    }

    private static bool MatchesAbi(string path, ElfAbi abi)
    {
        try
        {
            return File.Exists(path) && ElfReader.IsElf(path) && ElfAbi.Of(ElfReader.ReadHeader(path)) == abi;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            // A broken link, an unreadable or damaged file is no candidate, as for dpkg-shlibdeps.
            return false;
        }
    }

    // ld.so.conf(5): one directory a line, or "include GLOB"; other lines (comments, hwcap) are ignored.
    private static void ReadLdSoConf(string file, List<string> directories, HashSet<string> visited)
    {
        if (!visited.Add(file))
            return;
        foreach (var raw in File.ReadAllLines(file))
        {
            var line = raw.TrimEnd('/');
            var include = Include().Match(line);
            if (include.Success)
            {
                foreach (var included in Glob(include.Groups[1].Value).Where(File.Exists))
                    ReadLdSoConf(included, directories, visited);
            }
            else if (line.TrimStart().StartsWith('/') && !directories.Contains(line.TrimStart()))
            {
                directories.Add(line.TrimStart());
            }
        }
    }

    /// <summary>Expands wildcards in the last component of an absolute pattern, sorted like glob(3).</summary>
    private static IEnumerable<string> Glob(string pattern)
    {
        var slash = pattern.LastIndexOf('/');
        if (slash < 0 || pattern.IndexOfAny(['*', '?', '[']) < slash)
            return slash < 0 ? [] : [pattern];
        var dir = slash == 0 ? "/" : pattern[..slash];
        return Directory.Exists(dir)
            ? Directory.GetFiles(dir, pattern[(slash + 1)..]).Order(StringComparer.Ordinal)
            : [];
    }
}
