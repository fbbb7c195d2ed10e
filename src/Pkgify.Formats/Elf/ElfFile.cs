using System.Collections.Immutable;

namespace Pkgify.Formats.Elf;

/// <summary>
/// What one ELF file says about its run-time linking, read from its section headers the way rpm's elfdeps and
/// binutils do: the .dynamic entries, the symbol-versioning sections and the undefined dynamic symbols.
/// </summary>
public sealed record ElfFile
{
    /// <summary>Class, byte order, type and machine.</summary>
    public required ElfHeader Header { get; init; }

    /// <summary>PT_INTERP: the program interpreter (dynamic linker) path, or null.</summary>
    public string? Interpreter { get; init; }

    /// <summary>DT_NEEDED: sonames of the libraries the file needs, in .dynamic order.</summary>
    public ImmutableArray<string> Needed { get; init; } = [];

    /// <summary>DT_SONAME, or null.</summary>
    public string? SoName { get; init; }

    /// <summary>DT_RPATH values, each a ':'-separated list as written (may hold <c>$ORIGIN</c>).</summary>
    public ImmutableArray<string> RPath { get; init; } = [];

    /// <summary>DT_RUNPATH values, each a ':'-separated list as written.</summary>
    public ImmutableArray<string> RunPath { get; init; } = [];

    /// <summary>A DT_HASH entry is present.</summary>
    public bool HasHashTag { get; init; }

    /// <summary>A DT_GNU_HASH entry is present.</summary>
    public bool HasGnuHashTag { get; init; }

    /// <summary>A DT_DEBUG entry is present (executables, including PIE ones).</summary>
    public bool HasDebugTag { get; init; }

    /// <summary>True when the file has a SHT_DYNAMIC section (it is dynamically linked).</summary>
    public bool IsDynamic { get; init; }

    /// <summary>.gnu.version_r entries in file order.</summary>
    public ImmutableArray<ElfVersionNeed> VersionNeeds { get; init; } = [];

    /// <summary>.gnu.version_d entries in file order.</summary>
    public ImmutableArray<ElfVersionDefinition> VersionDefinitions { get; init; } = [];

    /// <summary>Undefined dynamic symbols with their versions, in symbol-table order.</summary>
    public ImmutableArray<ElfImportedSymbol> ImportedSymbols { get; init; } = [];

    /// <summary>
    /// Dynamic symbols the file defines as copies of a library's data (targets of R_*_COPY relocations, e.g.
    /// <c>stdout</c> in an executable), in symbol-table order: the library still provides them.
    /// </summary>
    public ImmutableArray<ElfImportedSymbol> CopiedSymbols { get; init; } = [];

    /// <summary>The library search path ld.so uses: DT_RUNPATH when present (it disables DT_RPATH), else DT_RPATH.</summary>
    public IEnumerable<string> SearchPath =>
        (RunPath.IsEmpty ? RPath : RunPath).SelectMany(p => p.Split(':', StringSplitOptions.RemoveEmptyEntries));
}
