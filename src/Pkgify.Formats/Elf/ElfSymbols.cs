using System.Collections.Immutable;

namespace Pkgify.Formats.Elf;

/// <summary>
/// Reads the undefined symbols of .dynsym with their versions from .gnu.version (what <c>objdump -T</c> lists as
/// <c>*UND*</c>, and what dpkg-shlibdeps looks up in symbols files). Tables are read in chunks: a large C++
/// library has 100k+ symbols and only its imports are kept.
/// </summary>
internal static class ElfSymbols
{
    private const int Sym32Size = 16, Sym64Size = 24;
    // Elf32_Sym: st_name 0, st_value 4, st_size 8, st_info 12, st_other 13, st_shndx 14.
    private const int Info32 = 12, ShNdx32 = 14;
    // Elf64_Sym: st_name 0, st_info 4, st_other 5, st_shndx 6, st_value 8, st_size 16.
    private const int Info64 = 4, ShNdx64 = 6;
    private const int BindShift = 4;

    /// <summary>The undefined symbols, and the defined ones that copy relocations fill from a library.</summary>
    public static (ImmutableArray<ElfImportedSymbol> Imports, ImmutableArray<ElfImportedSymbol> Copied) ReadImports(ElfInput input,
        ElfHeader header, List<ElfSection> sections, ImmutableArray<ElfVersionNeed> needs, ImmutableArray<ElfVersionDefinition> definitions)
    {
        var symbols = sections.FirstOrDefault(s => s.Type == ElfConstants.SectionDynamicSymbols);
        if (symbols.Type != ElfConstants.SectionDynamicSymbols)
            return ([], []);
        var copies = ElfCopyRelocations.SymbolIndexes(input, header, sections, symbols.Index);
        var entrySize = input.Is64 ? Sym64Size : Sym32Size;
        var what = $".dynsym (section {symbols.Index})";
        var count = ElfSections.EntryCount(input, symbols, entrySize, ElfLimits.MaxSymbols, what);
        var strings = ElfSections.StringTable(input, sections, symbols);
        var versions = VersionsByIndex(needs, definitions);
        var versym = VersymReader.For(input, sections, symbols.Index, count);
        var imports = ImmutableArray.CreateBuilder<ElfImportedSymbol>();
        var copied = ImmutableArray.CreateBuilder<ElfImportedSymbol>();
        input.ForEachEntry(symbols.Offset, count, entrySize, what, (entry, index) =>
        {
            // Entry 0 is the reserved null symbol.
            if (index == 0)
                return;
            var undefined = input.U16(entry, input.Is64 ? ShNdx64 : ShNdx32) == ElfConstants.SectionIndexUndefined;
            if (!undefined && !copies.Contains(index))
                return;
            var name = input.String(strings.Offset, strings.Size, input.U32(entry, 0), what);
            if (name.Length == 0)
                return;
            var bind = entry[input.Is64 ? Info64 : Info32] >> BindShift;
            var versionIndex = (ushort)(versym.At(index) & ElfConstants.VersymIndexMask);
            var version = versionIndex >= ElfConstants.VersymFirstNamed && versions.TryGetValue(versionIndex, out var v) ? v : null;
            (undefined ? imports : copied).Add(new ElfImportedSymbol(name, version, bind == ElfConstants.BindWeak));
        });
        return (imports.ToImmutable(), copied.ToImmutable());
    }

    private static Dictionary<ushort, string> VersionsByIndex(ImmutableArray<ElfVersionNeed> needs, ImmutableArray<ElfVersionDefinition> definitions)
    {
        var byIndex = new Dictionary<ushort, string>();
        foreach (var name in needs.SelectMany(n => n.Names))
            byIndex.TryAdd(name.Index, name.Name);
        foreach (var definition in definitions.Where(d => d.Names.Length > 0))
            byIndex.TryAdd(definition.Index, definition.Names[0]);
        return byIndex;
    }

    /// <summary>Reads .gnu.version entries on demand in chunks, in step with the symbol walk.</summary>
    private sealed class VersymReader
    {
        private const int Chunk = 32 * 1024;
        private readonly ElfInput? _input;
        private readonly ElfSection _section;
        private readonly long _count;
        private readonly byte[] _buffer = new byte[Chunk * ElfConstants.VersymSize];
        private long _first = -1;

        private VersymReader(ElfInput? input, ElfSection section, long count)
        {
            _input = input;
            _section = section;
            _count = count;
        }

        public static VersymReader For(ElfInput input, List<ElfSection> sections, int symbolSection, long symbolCount)
        {
            var section = sections.FirstOrDefault(s => s.Type == ElfConstants.SectionVersionSymbols && s.Link == symbolSection);
            if (section.Type != ElfConstants.SectionVersionSymbols)
                return new VersymReader(null, default, 0);
            var count = Math.Min(symbolCount, ElfSections.EntryCount(input, section, ElfConstants.VersymSize, ElfLimits.MaxSymbols, ".gnu.version"));
            return new VersymReader(input, section, count);
        }

        /// <summary>The versym of symbol <paramref name="index"/>; 0 (local, no version) past the table.</summary>
        public ushort At(long index)
        {
            if (_input is null || index >= _count)
                return 0;
            if (_first < 0 || index < _first || index >= _first + Chunk)
            {
                _first = index / Chunk * Chunk;
                var n = (int)Math.Min(Chunk, _count - _first);
                _input.ReadAt(_section.Offset + _first * ElfConstants.VersymSize, _buffer.AsSpan(0, n * ElfConstants.VersymSize), ".gnu.version");
            }
            return _input.U16(_buffer, (int)(index - _first) * ElfConstants.VersymSize);
        }
    }
}
