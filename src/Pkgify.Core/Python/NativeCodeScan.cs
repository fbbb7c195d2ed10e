namespace Pkgify.Core.Python;

/// <summary>
/// Finds native code (ELF files: extension modules, bundled shared libraries) in a tree. A
/// package carrying any is built for the host architecture; one without is arch-independent
/// (Debian "all", RPM "noarch").
/// </summary>
public static class NativeCodeScan
{
    /// <summary>ELF identification: 0x7F 'E' 'L' 'F' (elf(5), e_ident[EI_MAG0..EI_MAG3]).</summary>
    private static readonly byte[] ElfMagic = [0x7F, (byte)'E', (byte)'L', (byte)'F'];

    /// <summary>True when any regular file below <paramref name="dir"/> is an ELF file. Links are not followed.</summary>
    public static bool HasNativeCode(string dir) => FileTree.Files(dir).Any(e => IsElf(e.FullPath));

    /// <summary>The ELF files below <paramref name="dir"/>: relative '/'-separated paths, sorted ordinally.</summary>
    public static IReadOnlyList<string> ElfFiles(string dir) =>
        FileTree.Files(dir).Where(e => IsElf(e.FullPath)).Select(e => e.RelativePath).Order(StringComparer.Ordinal).ToList();

    private static bool IsElf(string file)
    {
        Span<byte> head = stackalloc byte[ElfMagic.Length];
        using var stream = File.OpenRead(file);
        return stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false) == head.Length && head.SequenceEqual(ElfMagic);
    }
}
