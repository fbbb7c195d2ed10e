using System.Collections.Immutable;

namespace Pkgify.Formats.Elf;

/// <summary>
/// Reads .gnu.version_r (Verneed/Vernaux) and .gnu.version_d (Verdef/Verdaux) chains (LSB "Symbol Versioning").
/// Entries are linked by byte offsets; the walk follows sh_info / vn_cnt / vd_cnt like elfdeps and readelf, and
/// refuses chains that leave the section or loop back, so a hostile file cannot make it spin.
/// </summary>
internal static class ElfVersionSections
{
    // Verneed: vn_version u16, vn_cnt u16, vn_file u32, vn_aux u32, vn_next u32.
    private const int VnCnt = 2, VnFile = 4, VnAux = 8, VnNext = 12;
    // Vernaux: vna_hash u32, vna_flags u16, vna_other u16, vna_name u32, vna_next u32.
    private const int VnaFlags = 4, VnaOther = 6, VnaName = 8, VnaNext = 12;
    // Verdef: vd_version u16, vd_flags u16, vd_ndx u16, vd_cnt u16, vd_hash u32, vd_aux u32, vd_next u32.
    private const int VdFlags = 2, VdNdx = 4, VdCnt = 6, VdAux = 12, VdNext = 16;
    // Verdaux: vda_name u32, vda_next u32.
    private const int VdaNext = 4;

    public static List<ElfVersionNeed> ReadNeeds(ElfInput input, ElfSection section, ElfSection strings)
    {
        var walk = new ChainWalk(input, section, $".gnu.version_r (section {section.Index})");
        var layout = new ChainLayout(ElfConstants.VerneedSize, VnCnt, VnAux, VnNext, ElfConstants.VernauxSize, VnaNext);
        return walk.Entries(layout).Select(e => new ElfVersionNeed(
                walk.Text(strings, input.U32(e.Entry, VnFile)),
                [.. e.Aux.Select(a => new ElfVersionNeedName(walk.Text(strings, input.U32(a, VnaName)), input.U16(a, VnaOther), input.U16(a, VnaFlags)))]))
            .ToList();
    }

    public static List<ElfVersionDefinition> ReadDefinitions(ElfInput input, ElfSection section, ElfSection strings)
    {
        var walk = new ChainWalk(input, section, $".gnu.version_d (section {section.Index})");
        var layout = new ChainLayout(ElfConstants.VerdefSize, VdCnt, VdAux, VdNext, ElfConstants.VerdauxSize, VdaNext);
        return walk.Entries(layout).Select(e => new ElfVersionDefinition(
                input.U16(e.Entry, VdNdx), input.U16(e.Entry, VdFlags),
                [.. e.Aux.Select(a => walk.Text(strings, input.U32(a, 0)))]))
            .ToList();
    }

    /// <summary>Where a chain's record fields sit: entry size, its aux count/offset/next fields, aux size and next.</summary>
    private readonly record struct ChainLayout(int EntrySize, int CountAt, int AuxAt, int NextAt, int AuxSize, int AuxNextAt);

    /// <summary>Bounded reads of records linked by relative offsets inside one section.</summary>
    private sealed class ChainWalk(ElfInput input, ElfSection section, string what)
    {
        // Each record is at least 8 bytes, so a real chain visits at most Size / 8 of them.
        private readonly long _budget = Math.Min(section.Size / ElfConstants.VerdauxSize, ElfLimits.MaxEntries);
        private long _visited;

        private byte[] Read(long offset, int size)
        {
            if (++_visited > _budget)
                throw new InvalidDataException($"ELF {what}: more entries than the section can hold (a looping chain)");
            if (offset < 0 || offset > section.Size - size)
                throw new InvalidDataException($"ELF {what}: entry at offset {offset} runs past the section's {section.Size} bytes");
            var buffer = new byte[size];
            input.ReadAt(section.Offset + offset, buffer, what);
            return buffer;
        }

        /// <summary>
        /// The section's sh_info entries, each with its vn_cnt / vd_cnt aux records, following the relative next
        /// links like elfdeps and readelf do.
        /// </summary>
        public List<(byte[] Entry, List<byte[]> Aux)> Entries(ChainLayout layout)
        {
            var entries = new List<(byte[], List<byte[]>)>();
            long offset = 0;
            for (long i = 0; i < section.Info; i++)
            {
                var entry = Read(offset, layout.EntrySize);
                var aux = new List<byte[]>();
                var auxOffset = offset + input.U32(entry, layout.AuxAt);
                int auxCount = input.U16(entry, layout.CountAt);
                for (var j = 0; j < auxCount; j++)
                {
                    var record = Read(auxOffset, layout.AuxSize);
                    aux.Add(record);
                    auxOffset = Next(auxOffset, input.U32(record, layout.AuxNextAt), j + 1 < auxCount);
                }
                entries.Add((entry, aux));
                offset = Next(offset, input.U32(entry, layout.NextAt), i + 1 < section.Info);
            }
            return entries;
        }

        /// <summary>The next record's offset; a zero link before the announced count ends is damage.</summary>
        private long Next(long offset, uint link, bool more)
        {
            if (more && link == 0)
                throw new InvalidDataException($"ELF {what}: the chain ends before the number of entries it announces");
            return offset + link;
        }

        public string Text(ElfSection strings, uint index) => input.String(strings.Offset, strings.Size, index, what);
    }
}
