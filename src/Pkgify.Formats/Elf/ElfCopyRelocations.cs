namespace Pkgify.Formats.Elf;

/// <summary>
/// Finds the dynamic symbols an executable defines only as copies of a library's data: the targets of its
/// R_*_COPY relocations (glibc elf.h). dpkg-shlibdeps counts them as imports (Dpkg::Shlibs::Objdump
/// apply_relocations), since the library still provides the symbol's definition.
/// </summary>
internal static class ElfCopyRelocations
{
    // sh_type of relocation tables, without and with addends (elf(5)).
    private const uint SectionRel = 9;
    private const uint SectionRela = 4;

    // Elfxx_Rel is r_offset then r_info, each address-sized; Elfxx_Rela adds an address-sized r_addend.
    private const int InfoShift64 = 32, InfoShift32 = 8;
    private const ulong TypeMask64 = 0xFFFFFFFF, TypeMask32 = 0xFF;

    // e_machine -> R_<arch>_COPY, from glibc elf.h. MIPS is left out: its 64-bit r_info packs three types.
    private static readonly Dictionary<ushort, uint> CopyType = new()
    {
        [3] = 5,       // EM_386: R_386_COPY
        [20] = 19,     // EM_PPC: R_PPC_COPY
        [21] = 19,     // EM_PPC64: R_PPC64_COPY
        [22] = 9,      // EM_S390: R_390_COPY
        [40] = 20,     // EM_ARM: R_ARM_COPY
        [62] = 5,      // EM_X86_64: R_X86_64_COPY
        [183] = 1024,  // EM_AARCH64: R_AARCH64_COPY
        [243] = 4,     // EM_RISCV: R_RISCV_COPY
    };

    /// <summary>Indexes into the symbol table <paramref name="symbolSection"/> that copy relocations name.</summary>
    public static HashSet<long> SymbolIndexes(ElfInput input, ElfHeader header, List<ElfSection> sections, int symbolSection)
    {
        var indexes = new HashSet<long>();
        if (!CopyType.TryGetValue(header.Machine, out var copy))
            return indexes;
        foreach (var table in sections.Where(s => s.Type is SectionRel or SectionRela && s.Link == symbolSection))
        {
            var entrySize = input.WordSize * (table.Type == SectionRela ? 3 : 2);
            var what = $"relocations (section {table.Index})";
            var count = ElfSections.EntryCount(input, table, entrySize, ElfLimits.MaxSymbols, what);
            input.ForEachEntry(table.Offset, count, entrySize, what, (entry, _) =>
            {
                var info = input.Is64 ? input.U64(entry, input.WordSize) : input.U32(entry, input.WordSize);
                var (symbol, type) = input.Is64 ? ((long)(info >> InfoShift64), info & TypeMask64) : ((long)(info >> InfoShift32), info & TypeMask32);
                if (type == copy && symbol != 0)
                    indexes.Add(symbol);
            });
        }
        return indexes;
    }
}
