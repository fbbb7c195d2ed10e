namespace Pkgify.Formats.Elf;

/// <summary>Numbers from the ELF specification (System V gABI, elf(5)) that the reader needs.</summary>
internal static class ElfConstants
{
    // e_ident (elf(5) "ELF header"): magic, class, data encoding, version, OS ABI.
    public const int IdentSize = 16;
    public const int ClassIndex = 4;
    public const int DataIndex = 5;
    public const int VersionIndex = 6;
    public const int OsAbiIndex = 7;
    public const byte Class32 = 1;
    public const byte Class64 = 2;
    public const byte DataLittleEndian = 1;
    public const byte DataBigEndian = 2;

    public static ReadOnlySpan<byte> Magic => [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    // e_phnum == PN_XNUM: the real count is in section header 0's sh_info (elf(5)).
    public const int ProgramHeaderExtendedCount = 0xFFFF;

    // p_type values.
    public const uint ProgramInterpreter = 3;

    // sh_type values; the GNU ones are the symbol-versioning sections (LSB "Symbol Versioning").
    public const uint SectionDynamicSymbols = 11;
    public const uint SectionDynamic = 6;
    public const uint SectionVersionDefinitions = 0x6FFFFFFD;
    public const uint SectionVersionNeeds = 0x6FFFFFFE;
    public const uint SectionVersionSymbols = 0x6FFFFFFF;

    // d_tag values.
    public const long TagNeeded = 1;
    public const long TagHash = 4;
    public const long TagSoName = 14;
    public const long TagRPath = 15;
    public const long TagDebug = 21;
    public const long TagRunPath = 29;
    public const long TagGnuHash = 0x6FFFFEF5;

    // Symbol versioning (LSB): flags and the versym "hidden" bit; indexes 0 and 1 carry no version.
    public const ushort VersionFlagBase = 0x1;
    public const ushort VersionFlagWeak = 0x2;
    public const ushort VersymHidden = 0x8000;
    public const ushort VersymIndexMask = 0x7FFF;
    public const ushort VersymFirstNamed = 2;

    // Symbol table: section index of an undefined symbol; binding in st_info's high nibble.
    public const ushort SectionIndexUndefined = 0;
    public const int BindWeak = 2;

    // Fixed entry sizes of the versioning structures (identical in both classes).
    public const int VerneedSize = 16;
    public const int VernauxSize = 16;
    public const int VerdefSize = 20;
    public const int VerdauxSize = 8;
    public const int VersymSize = 2;
}
