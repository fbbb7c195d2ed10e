using System.Collections.Immutable;

namespace Pkgify.Formats.Elf;

/// <summary>One version a file needs from a library (an Elfxx_Vernaux entry), e.g. <c>GLIBC_2.34</c>.</summary>
/// <param name="Name">The version name.</param>
/// <param name="Index">vna_other: the index .gnu.version entries use to point at this version.</param>
/// <param name="Flags">vna_flags (VER_FLG_WEAK = 2).</param>
public sealed record ElfVersionNeedName(string Name, ushort Index, ushort Flags)
{
    /// <summary>True when only weak references need this version (VER_FLG_WEAK).</summary>
    public bool IsWeak => (Flags & 0x2) != 0;
}

/// <summary>The versions a file needs from one library (an Elfxx_Verneed entry of .gnu.version_r).</summary>
/// <param name="File">vn_file: the library's soname, e.g. <c>libc.so.6</c>.</param>
/// <param name="Names">The needed versions in file order.</param>
public sealed record ElfVersionNeed(string File, ImmutableArray<ElfVersionNeedName> Names);

/// <summary>One version a file defines (an Elfxx_Verdef entry of .gnu.version_d).</summary>
/// <param name="Index">vd_ndx.</param>
/// <param name="Flags">vd_flags (VER_FLG_BASE = 1 marks the entry naming the file itself).</param>
/// <param name="Names">The Verdaux names: the version first, then its parents.</param>
public sealed record ElfVersionDefinition(ushort Index, ushort Flags, ImmutableArray<string> Names)
{
    /// <summary>True for the base definition, whose name is the file's own soname.</summary>
    public bool IsBase => (Flags & 0x1) != 0;
}

/// <summary>An undefined dynamic symbol: what the file imports from its libraries.</summary>
/// <param name="Name">The symbol name.</param>
/// <param name="Version">The version it binds to (from .gnu.version), or null when unversioned.</param>
/// <param name="IsWeak">STB_WEAK binding: the file runs without it.</param>
public sealed record ElfImportedSymbol(string Name, string? Version, bool IsWeak);
