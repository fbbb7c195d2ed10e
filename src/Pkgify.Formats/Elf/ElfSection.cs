namespace Pkgify.Formats.Elf;

/// <summary>The section header fields the reader uses (Elfxx_Shdr).</summary>
internal readonly record struct ElfSection(int Index, uint Type, long Offset, long Size, uint Link, uint Info, long EntrySize)
{
    // Shdr field offsets (elf(5)): 32-bit / 64-bit layouts.
    private const int TypeOffset = 4;
    private const int Offset32 = 16, Size32 = 20, Link32 = 24, Info32 = 28, EntSize32 = 36;
    private const int Offset64 = 24, Size64 = 32, Link64 = 40, Info64 = 44, EntSize64 = 56;

    public const int Size32Bytes = 40;
    public const int Size64Bytes = 64;

    public static ElfSection Parse(ElfInput input, ReadOnlySpan<byte> s, int index)
    {
        var what = $"section header {index}";
        return input.Is64
            ? new ElfSection(index, input.U32(s, TypeOffset), input.Word(s, Offset64, what), input.Word(s, Size64, what),
                input.U32(s, Link64), input.U32(s, Info64), input.Word(s, EntSize64, what))
            : new ElfSection(index, input.U32(s, TypeOffset), input.Word(s, Offset32, what), input.Word(s, Size32, what),
                input.U32(s, Link32), input.U32(s, Info32), input.Word(s, EntSize32, what));
    }
}
