using Pkgify.Formats.Elf;

namespace Pkgify.Core.Dependencies;

/// <summary>
/// The requires and provides rpm's own generator (<c>/usr/lib/rpm/elfdeps</c>, rpm 4.18) prints for one ELF
/// file, in the same order and form, e.g. <c>libpq.so.5()(64bit)</c> and <c>libc.so.6(GLIBC_2.34)(64bit)</c>.
/// Rules, each confirmed against elfdeps' output (see RpmElfDependenciesTests):
/// only executables and shared objects count; the <c>(64bit)</c> marker goes on ELFCLASS64 files except Alpha;
/// without a marker an unversioned soname is written bare; version needs come first (.gnu.version_r precedes
/// .dynamic), weak ones and GLIBC_PRIVATE included; a file with PT_INTERP but no execute bit gets no requires;
/// <c>rtld(GNU_HASH)</c> is required when DT_GNU_HASH is present without DT_HASH; sonames must contain ".so" and
/// start with "lib", "ld.", "ld-" or "ld6" (elfdeps compares "ld64." over three characters only).
/// </summary>
public static class RpmElfDependencies
{
    private const string Marker64 = "(64bit)";

    /// <summary>What <c>elfdeps --requires</c> prints; <paramref name="executable"/> is the file's execute bit.</summary>
    public static IReadOnlyList<string> Requires(ElfFile elf, bool executable)
    {
        var requires = new List<string>();
        if (!IsLinkable(elf) || (elf.Interpreter is not null && !executable))
            return requires;
        var marker = Marker(elf.Header);
        foreach (var need in elf.VersionNeeds.Where(n => !SkipSoname(n.File)))
            requires.AddRange(need.Names.Select(v => Format(need.File, v.Name, marker)));
        requires.AddRange(elf.Needed.Where(n => !SkipSoname(n)).Select(n => Format(n, null, marker)));
        if (elf.HasGnuHashTag && !elf.HasHashTag)
            requires.Add("rtld(GNU_HASH)");
        return requires;
    }

    /// <summary>
    /// What <c>elfdeps --provides</c> prints: symbol versions defined under the base version's name, then the
    /// soname of a shared object that is not a PIE executable (DT_DEBUG), falling back on <paramref name="fileName"/>.
    /// </summary>
    public static IReadOnlyList<string> Provides(ElfFile elf, string fileName)
    {
        var provides = new List<string>();
        if (!IsLinkable(elf))
            return provides;
        var marker = Marker(elf.Header);
        string? baseName = null;
        foreach (var definition in elf.VersionDefinitions)
        {
            if (definition.IsBase)
            {
                baseName = definition.Names.FirstOrDefault() ?? baseName;
                continue;
            }
            // elfdeps 4.18 walks the Verdaux chain but prints the definition's own name once per entry (its
            // parents are never named): a version with one parent appears twice.
            if (baseName is not null && !SkipSoname(baseName) && definition.Names.Length > 0)
                provides.AddRange(Enumerable.Repeat(Format(baseName, definition.Names[0], marker), definition.Names.Length));
        }
        if (elf.Header.Type == ElfFileType.SharedObject && !elf.HasDebugTag)
        {
            var soname = elf.SoName ?? Path.GetFileName(fileName);
            if (!SkipSoname(soname))
                provides.Add(Format(soname, null, marker));
        }
        return provides;
    }

    /// <summary>True for sonames elfdeps leaves out (see the class remarks).</summary>
    public static bool SkipSoname(string soname)
    {
        if (string.IsNullOrWhiteSpace(soname) || !soname.Contains(".so", StringComparison.Ordinal))
            return true;
        return !(soname.StartsWith("lib", StringComparison.Ordinal) || soname.StartsWith("ld.", StringComparison.Ordinal)
                 || soname.StartsWith("ld-", StringComparison.Ordinal) || soname.StartsWith("ld6", StringComparison.Ordinal));
    }

    /// <summary>The class marker: "(64bit)" for ELFCLASS64 except Alpha, which never had one.</summary>
    public static string Marker(ElfHeader header) =>
        header.Class == ElfClass.Elf64 && header.Machine is not (ElfHeader.MachineAlpha or ElfHeader.MachineFakeAlpha) ? Marker64 : "";

    private static bool IsLinkable(ElfFile elf) => elf.Header.Type is ElfFileType.Executable or ElfFileType.SharedObject;

    // elfdeps writes "soname(version)marker" when either part exists, else the bare soname.
    private static string Format(string soname, string? version, string marker) =>
        version is null && marker.Length == 0 ? soname : $"{soname}({version}){marker}";
}
