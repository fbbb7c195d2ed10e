using System.Collections.Immutable;

namespace Pkgify.Formats.Elf;

/// <summary>Walks the section headers in file order and reads the dynamic-linking sections (as elfdeps does).</summary>
internal static class ElfSections
{
    // Elfxx_Dyn: d_tag then d_val, each address-sized.
    private const int Dyn32Size = 8;
    private const int Dyn64Size = 16;

    public static ElfFile Parse(ElfInput input, ElfHeader header, string? interpreter, List<ElfSection> sections)
    {
        var dynamic = new DynamicFacts();
        var needs = ImmutableArray.CreateBuilder<ElfVersionNeed>();
        var definitions = ImmutableArray.CreateBuilder<ElfVersionDefinition>();
        foreach (var section in sections)
        {
            switch (section.Type)
            {
                case ElfConstants.SectionDynamic:
                    ReadDynamic(input, section, StringTable(input, sections, section), dynamic);
                    break;
                case ElfConstants.SectionVersionNeeds:
                    needs.AddRange(ElfVersionSections.ReadNeeds(input, section, StringTable(input, sections, section)));
                    break;
                case ElfConstants.SectionVersionDefinitions:
                    definitions.AddRange(ElfVersionSections.ReadDefinitions(input, section, StringTable(input, sections, section)));
                    break;
            }
        }
        var needList = needs.ToImmutable();
        var definitionList = definitions.ToImmutable();
        var (imports, copied) = ElfSymbols.ReadImports(input, header, sections, needList, definitionList);
        return new ElfFile
        {
            Header = header,
            Interpreter = interpreter,
            Needed = dynamic.Needed.ToImmutable(),
            SoName = dynamic.SoName,
            RPath = dynamic.RPath.ToImmutable(),
            RunPath = dynamic.RunPath.ToImmutable(),
            HasHashTag = dynamic.Hash,
            HasGnuHashTag = dynamic.GnuHash,
            HasDebugTag = dynamic.Debug,
            IsDynamic = dynamic.Seen,
            VersionNeeds = needList,
            VersionDefinitions = definitionList,
            ImportedSymbols = imports,
            CopiedSymbols = copied,
        };
    }

    /// <summary>The string table a section names through sh_link, checked to lie inside the file.</summary>
    public static ElfSection StringTable(ElfInput input, List<ElfSection> sections, ElfSection owner)
    {
        if (owner.Link == 0 || owner.Link >= sections.Count)
            throw new InvalidDataException($"ELF section {owner.Index} links to string table {owner.Link}, which does not exist");
        var table = sections[(int)owner.Link];
        input.CheckRange(table.Offset, table.Size, $"string table (section {table.Index})");
        return table;
    }

    /// <summary>Checks that a section's entries lie inside the file and returns how many there are.</summary>
    public static long EntryCount(ElfInput input, ElfSection section, int entrySize, long limit, string what)
    {
        input.CheckRange(section.Offset, section.Size, what);
        var count = section.Size / entrySize;
        if (count > limit)
            throw new InvalidDataException($"ELF {what} holds {count} entries, more than the {limit} this reader accepts");
        return count;
    }

    private sealed class DynamicFacts
    {
        public readonly ImmutableArray<string>.Builder Needed = ImmutableArray.CreateBuilder<string>();
        public readonly ImmutableArray<string>.Builder RPath = ImmutableArray.CreateBuilder<string>();
        public readonly ImmutableArray<string>.Builder RunPath = ImmutableArray.CreateBuilder<string>();
        public string? SoName;
        public bool Hash, GnuHash, Debug, Seen;
    }

    private static void ReadDynamic(ElfInput input, ElfSection section, ElfSection strings, DynamicFacts facts)
    {
        var entrySize = input.Is64 ? Dyn64Size : Dyn32Size;
        var what = $".dynamic (section {section.Index})";
        var count = EntryCount(input, section, entrySize, ElfLimits.MaxEntries, what);
        facts.Seen = true;
        // Every entry is looked at, like elfdeps' loop over sh_size / sh_entsize; the DT_NULL padding the linker
        // leaves at the end matches no tag below.
        input.ForEachEntry(section.Offset, count, entrySize, what, (entry, _) =>
        {
            var tag = input.SignedWord(entry, 0);
            var value = input.Word(entry, input.WordSize, what);
            switch (tag)
            {
                case ElfConstants.TagNeeded: facts.Needed.Add(Text(value)); break;
                case ElfConstants.TagSoName: facts.SoName = Text(value); break;
                case ElfConstants.TagRPath: facts.RPath.Add(Text(value)); break;
                case ElfConstants.TagRunPath: facts.RunPath.Add(Text(value)); break;
                case ElfConstants.TagHash: facts.Hash = true; break;
                case ElfConstants.TagGnuHash: facts.GnuHash = true; break;
                case ElfConstants.TagDebug: facts.Debug = true; break;
            }
        });

        string Text(long offset) => input.String(strings.Offset, strings.Size, offset, what);
    }
}
