namespace Pkgify.Formats.Elf;

/// <summary>ELF file class (e_ident[EI_CLASS]): 32-bit or 64-bit structures.</summary>
public enum ElfClass { Elf32 = 1, Elf64 = 2 }

/// <summary>Object file type (e_type). Only executables and shared objects carry dynamic dependencies.</summary>
public enum ElfFileType { None = 0, Relocatable = 1, Executable = 2, SharedObject = 3, Core = 4 }

/// <summary>The identifying part of an ELF header: class, byte order, OS ABI, type, machine and flags.</summary>
/// <param name="Class">32-bit or 64-bit structures.</param>
/// <param name="IsBigEndian">True for ELFDATA2MSB.</param>
/// <param name="OsAbi">e_ident[EI_OSABI].</param>
/// <param name="Type">e_type; values outside the enum are kept as their number.</param>
/// <param name="Machine">e_machine (EM_X86_64 = 62, EM_386 = 3, EM_S390 = 22, EM_AARCH64 = 183...).</param>
/// <param name="Flags">e_flags, processor-specific.</param>
public sealed record ElfHeader(ElfClass Class, bool IsBigEndian, byte OsAbi, ElfFileType Type, ushort Machine, uint Flags)
{
    /// <summary>EM_ALPHA as binutils assigns it (0x9026) and the historic EM_ALPHA 41 (elf.h EM_FAKE_ALPHA).</summary>
    public const ushort MachineAlpha = 0x9026;

    /// <summary>elf.h EM_FAKE_ALPHA: the number Alpha used before 0x9026.</summary>
    public const ushort MachineFakeAlpha = 41;
}
