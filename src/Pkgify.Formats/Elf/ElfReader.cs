namespace Pkgify.Formats.Elf;

/// <summary>
/// Reads the dynamic-linking facts of an ELF file (ELF32 and ELF64, either byte order): DT_NEEDED, DT_SONAME,
/// DT_RPATH/DT_RUNPATH, symbol versions needed and defined, undefined dynamic symbols, PT_INTERP. Like rpm's
/// elfdeps and binutils it walks the section headers; a file without them (sstrip'ed) reads as not dynamic.
/// Damage is reported as <see cref="InvalidDataException"/>; every size is checked against the file length.
/// </summary>
public static class ElfReader
{
    // Elfxx_Ehdr field offsets (elf(5)); 32-bit and 64-bit differ after e_entry.
    private const int TypeOffset = 16;
    private const int MachineOffset = 18;
    private const int Header32Size = 52, PhOff32 = 28, ShOff32 = 32, Flags32 = 36, PhEntSize32 = 42;
    private const int Header64Size = 64, PhOff64 = 32, ShOff64 = 40, Flags64 = 48, PhEntSize64 = 54;
    // e_phentsize, e_phnum, e_shentsize, e_shnum, e_shstrndx follow each other as 16-bit fields.
    private const int PhNumAfterEntSize = 2, ShEntSizeAfterEntSize = 4, ShNumAfterEntSize = 6;

    // Elfxx_Phdr: p_type first; p_offset/p_filesz differ by class.
    private const int Phdr32Size = 32, PhdrOffset32 = 4, PhdrFileSize32 = 16;
    private const int Phdr64Size = 56, PhdrOffset64 = 8, PhdrFileSize64 = 32;

    // Section 0 holds the real counts when e_shnum is 0 (sh_size) or e_phnum is PN_XNUM (sh_info).

    /// <summary>True when <paramref name="stream"/> starts with the ELF magic; the position is restored.</summary>
    public static bool IsElf(Stream stream)
    {
        Span<byte> head = stackalloc byte[ElfConstants.Magic.Length];
        var position = stream.Position;
        var got = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
        stream.Position = position;
        return got == head.Length && head.SequenceEqual(ElfConstants.Magic);
    }

    /// <summary>True when the file at <paramref name="path"/> starts with the ELF magic.</summary>
    public static bool IsElf(string path)
    {
        using var stream = File.OpenRead(path);
        return IsElf(stream);
    }

    /// <summary>Reads the file at <paramref name="path"/>.</summary>
    public static ElfFile Read(string path)
    {
        using var stream = File.OpenRead(path);
        return Read(stream);
    }

    /// <summary>Reads an ELF file from a seekable stream.</summary>
    public static ElfFile Read(Stream stream)
    {
        if (!stream.CanSeek || !stream.CanRead)
            throw new ArgumentException("the ELF reader needs a readable, seekable stream", nameof(stream));
        var (input, header, raw) = ReadHeader(stream);
        var sections = ReadSections(input, raw);
        var interpreter = ReadInterpreter(input, raw, sections);
        return ElfSections.Parse(input, header, interpreter, sections);
    }

    /// <summary>Reads only the ELF header of the file at <paramref name="path"/>.</summary>
    public static ElfHeader ReadHeader(string path)
    {
        using var stream = File.OpenRead(path);
        return ReadHeader(stream).Item2;
    }

    /// <summary>Header fields needed to find the program and section header tables.</summary>
    private readonly record struct RawHeader(long PhOff, int PhEntSize, int PhNum, long ShOff, int ShEntSize, int ShNum);

    private static (ElfInput, ElfHeader, RawHeader) ReadHeader(Stream stream)
    {
        Span<byte> ident = stackalloc byte[ElfConstants.IdentSize];
        stream.Position = 0;
        if (stream.ReadAtLeast(ident, ident.Length, throwOnEndOfStream: false) != ident.Length || !ident[..4].SequenceEqual(ElfConstants.Magic))
            throw new InvalidDataException("not an ELF file: the ELF magic is missing");
        var is64 = ident[ElfConstants.ClassIndex] switch
        {
            ElfConstants.Class32 => false,
            ElfConstants.Class64 => true,
            var c => throw new InvalidDataException($"ELF class {c} is neither ELFCLASS32 nor ELFCLASS64"),
        };
        var big = ident[ElfConstants.DataIndex] switch
        {
            ElfConstants.DataLittleEndian => false,
            ElfConstants.DataBigEndian => true,
            var d => throw new InvalidDataException($"ELF data encoding {d} is neither ELFDATA2LSB nor ELFDATA2MSB"),
        };
        var input = new ElfInput(stream, big, is64);
        Span<byte> h = stackalloc byte[is64 ? Header64Size : Header32Size];
        input.ReadAt(0, h, "header");
        var entSizeAt = is64 ? PhEntSize64 : PhEntSize32;
        var header = new ElfHeader(is64 ? ElfClass.Elf64 : ElfClass.Elf32, big, ident[ElfConstants.OsAbiIndex],
            (ElfFileType)input.U16(h, TypeOffset), input.U16(h, MachineOffset), input.U32(h, is64 ? Flags64 : Flags32));
        var raw = new RawHeader(
            input.Word(h, is64 ? PhOff64 : PhOff32, "e_phoff"), input.U16(h, entSizeAt), input.U16(h, entSizeAt + PhNumAfterEntSize),
            input.Word(h, is64 ? ShOff64 : ShOff32, "e_shoff"), input.U16(h, entSizeAt + ShEntSizeAfterEntSize), input.U16(h, entSizeAt + ShNumAfterEntSize));
        return (input, header, raw);
    }

    private static List<ElfSection> ReadSections(ElfInput input, RawHeader raw)
    {
        var sections = new List<ElfSection>();
        if (raw.ShOff == 0)
            return sections;
        var minimum = input.Is64 ? ElfSection.Size64Bytes : ElfSection.Size32Bytes;
        if (raw.ShEntSize < minimum)
            throw new InvalidDataException($"ELF e_shentsize {raw.ShEntSize} is smaller than a section header ({minimum} bytes)");
        long count = raw.ShNum;
        if (count == 0)
        {
            // Extended numbering (elf(5)): more than 0xff00 sections; section 0's sh_size holds the count.
            var first = new byte[raw.ShEntSize];
            input.ReadAt(raw.ShOff, first, "section header 0");
            count = ElfSection.Parse(input, first, 0).Size;
        }
        if (count > ElfLimits.MaxSections)
            throw new InvalidDataException($"ELF file claims {count} sections, more than the {ElfLimits.MaxSections} this reader accepts");
        input.ForEachEntry(raw.ShOff, count, raw.ShEntSize, "section header table",
            (entry, index) => sections.Add(ElfSection.Parse(input, entry, (int)index)));
        return sections;
    }

    private static string? ReadInterpreter(ElfInput input, RawHeader raw, List<ElfSection> sections)
    {
        if (raw.PhOff == 0)
            return null;
        var count = raw.PhNum == ElfConstants.ProgramHeaderExtendedCount && sections.Count > 0 ? sections[0].Info : (long)raw.PhNum;
        if (count == 0)
            return null;
        var minimum = input.Is64 ? Phdr64Size : Phdr32Size;
        if (raw.PhEntSize < minimum)
            throw new InvalidDataException($"ELF e_phentsize {raw.PhEntSize} is smaller than a program header ({minimum} bytes)");
        if (count > ElfLimits.MaxProgramHeaders)
            throw new InvalidDataException($"ELF file claims {count} program headers, more than {ElfLimits.MaxProgramHeaders}");
        string? interpreter = null;
        var offsetAt = input.Is64 ? PhdrOffset64 : PhdrOffset32;
        var sizeAt = input.Is64 ? PhdrFileSize64 : PhdrFileSize32;
        var found = new List<(long Offset, long Size)>();
        input.ForEachEntry(raw.PhOff, count, raw.PhEntSize, "program header table", (entry, _) =>
        {
            if (input.U32(entry, 0) == ElfConstants.ProgramInterpreter)
                found.Add((input.Word(entry, offsetAt, "PT_INTERP p_offset"), input.Word(entry, sizeAt, "PT_INTERP p_filesz")));
        });
        if (found.Count > 0)
        {
            var (offset, size) = found[0];
            if (size > ElfLimits.MaxInterpreterLength)
                throw new InvalidDataException($"ELF PT_INTERP is {size} bytes long, more than {ElfLimits.MaxInterpreterLength}");
            interpreter = size == 0 ? "" : input.String(offset, size, 0, "PT_INTERP");
        }
        return interpreter;
    }
}
