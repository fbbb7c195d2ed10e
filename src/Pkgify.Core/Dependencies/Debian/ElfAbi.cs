using Pkgify.Formats.Elf;

namespace Pkgify.Core.Dependencies.Debian;

/// <summary>
/// The ABI identity dpkg-shlibdeps compares before accepting a library for a binary (Dpkg::Shlibs::Objdump
/// get_format): class, byte order, machine with historic numbers folded, and the ABI bits of e_flags.
/// </summary>
internal readonly record struct ElfAbi(ElfClass Class, bool BigEndian, ushort Machine, uint AbiFlags)
{
    // Historic or vendor machine numbers and the number they stand for (elf.h, binutils).
    private static readonly Dictionary<ushort, ushort> MachineAliases = new()
    {
        [41] = 0x9026,       // EM_ALPHA_OLD -> EM_ALPHA
        [0x1057] = 83,       // EM_AVR_OLD -> EM_AVR
        [0x9041] = 88,       // EM_M32R_CYGNUS -> EM_M32R
        [0xBAAB] = 189,      // EM_MICROBLAZE_OLD -> EM_MICROBLAZE
        [0xDEAD] = 90,       // EM_MN10200_CYGNUS -> EM_MN10200
        [0xBEEF] = 89,       // EM_MN10300_CYGNUS -> EM_MN10300
        [0x8472] = 92,       // EM_OR1K_OLD -> EM_OR1K
        [0xA390] = 22,       // EM_S390_OLD -> EM_S390
        [18] = 2,            // EM_SPARC32PLUS -> EM_SPARC
        [11] = 43,           // EM_SPARC64_OLD -> EM_SPARC64
        [0xABC7] = 94,       // EM_XTENSA_OLD -> EM_XTENSA
    };

    // e_flags bits that change the ABI, per machine; all other bits are ignored.
    private static readonly Dictionary<ushort, uint> AbiFlagMasks = new()
    {
        [50] = 0x10,                   // EM_IA64: EF_IA64_ABI64
        [258] = 0x7,                   // EM_LOONGARCH: EF_LOONGARCH_ABI_MASK
        [8] = 0x0000F000 | 0x20,       // EM_MIPS: EF_MIPS_ABI_MASK | EF_MIPS_ABI2
        [21] = 0x3,                    // EM_PPC64: EF_PPC64_ABI64
    };

    public static ElfAbi Of(ElfHeader header)
    {
        var machine = MachineAliases.GetValueOrDefault(header.Machine, header.Machine);
        return new ElfAbi(header.Class, header.IsBigEndian, machine, header.Flags & AbiFlagMasks.GetValueOrDefault(machine, 0u));
    }
}
