namespace Pkgify.Formats.Elf;

/// <summary>
/// Bounds on what one ELF file may make the reader allocate or walk. Real shared objects stay far below them
/// (the largest on a Debian system, libLLVM, has ~60 sections and ~100k dynamic symbols); a file beyond them is
/// reported as damaged instead of exhausting memory or time.
/// </summary>
internal static class ElfLimits
{
    /// <summary>Section headers read in one go (extended numbering can claim up to 2^32).</summary>
    public const long MaxSections = 1 << 18;

    /// <summary>Program headers scanned for PT_INTERP.</summary>
    public const int MaxProgramHeaders = 1 << 16;

    /// <summary>Longest string taken from a string table (long C++ mangled names stay well below).</summary>
    public const int MaxStringLength = 1 << 20;

    /// <summary>Longest PT_INTERP path.</summary>
    public const int MaxInterpreterLength = 4096;

    /// <summary>Dynamic symbols walked in one symbol table.</summary>
    public const long MaxSymbols = 1 << 24;

    /// <summary>Entries walked in one .dynamic section, and version needs/definitions and their names.</summary>
    public const long MaxEntries = 1 << 20;
}
