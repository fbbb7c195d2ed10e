using Pkgify.Formats.Elf;
using TestTools = Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.Elf;

/// <summary>
/// The reader must see what GNU readelf sees — class, byte order, type, interpreter, NEEDED, SONAME, RPATH,
/// RUNPATH, version needs with their weak flags and indexes, version definitions with their parents, undefined
/// dynamic symbols with their versions, the targets of copy relocations — on hundreds of real files and on files
/// binutils builds here for both classes and both byte orders.
/// </summary>
public class ElfReaderReadelfTests
{
    private const int SampleSize = 300;

    [Test]
    public void Reads_what_readelf_reads_on_system_files()
    {
        var files = SystemSample();
        files.Count.ShouldBeGreaterThan(SampleSize / 2);
        Mismatches(files).ShouldBeEmpty();
        files.ShouldContain(f => ElfReader.Read(f).CopiedSymbols.Length > 0, "the sample must hold executables with copy relocations");
    }

    [Test]
    public void Reads_what_readelf_reads_on_both_classes_and_byte_orders()
    {
        using var dir = new TestTools.TempDir("elf-readelf");
        var files = TestTools.ElfFixtures.BuildCornerCases(dir);
        Mismatches(files).ShouldBeEmpty();
        var headers = files.Select(ElfReader.ReadHeader).ToList();
        headers.Select(h => (h.Class, h.IsBigEndian)).Distinct().Count().ShouldBe(4);
        headers.ShouldContain(h => h.Machine == 22 && h.Class == ElfClass.Elf32, "s390 (31-bit) fixtures");
        ElfReader.Read(files.Single(f => f.EndsWith("s390x/librpath.so.1", StringComparison.Ordinal))).RPath
            .ShouldBe(["$ORIGIN/../x.libs:/opt/lib"]);
        ElfReader.Read(files.Single(f => f.EndsWith("patched/libweak.so.2", StringComparison.Ordinal))).VersionNeeds[0].Names[0].IsWeak
            .ShouldBeTrue();
    }

    [Test]
    public void Search_path_prefers_runpath_over_rpath()
    {
        using var dir = new TestTools.TempDir("elf-runpath");
        var files = TestTools.ElfFixtures.BuildCornerCases(dir);
        var rpath = ElfReader.Read(files.Single(f => f.EndsWith("i386/librpath.so.1", StringComparison.Ordinal)));
        rpath.SearchPath.ShouldBe(["$ORIGIN/../x.libs", "/opt/lib"]);
        var runpath = ElfReader.Read(files.Single(f => f.EndsWith("i386/librunpath.so.1", StringComparison.Ordinal)));
        runpath.RPath.ShouldBeEmpty();
        runpath.SearchPath.ShouldBe(["$ORIGIN/lib"]);
    }

    private static List<string> SystemSample()
    {
        var options = new EnumerationOptions { AttributesToSkip = FileAttributes.ReparsePoint };
        var all = new[] { "/usr/lib/x86_64-linux-gnu", "/usr/bin", "/usr/sbin" }
            .SelectMany(d => Directory.EnumerateFiles(d, "*", options))
            .Where(f => new FileInfo(f).Length > 0 && ElfReader.IsElf(f))
            .Order(StringComparer.Ordinal).ToList();
        var step = Math.Max(1, all.Count / SampleSize);
        return all.Where((_, i) => i % step == 0).ToList();
    }

    private static List<string> Mismatches(IReadOnlyCollection<string> files)
    {
        var listings = ReadelfListing.For(files);
        var mismatches = new List<string>();
        foreach (var file in files)
        {
            var want = Describe(listings[file]);
            var got = Describe(ElfReader.Read(file));
            if (want != got)
                mismatches.Add($"{file}\n--- readelf ---\n{want}\n--- reader ---\n{got}");
        }
        return mismatches;
    }

    private static string Describe(ReadelfListing r) => string.Join('\n',
        $"class {r.Class} data {r.Data} type {r.Type} interp {r.Interpreter}",
        $"needed {string.Join(' ', r.Needed)}", $"soname {string.Join(' ', r.SoName)}",
        $"rpath {string.Join(' ', r.RPath)}", $"runpath {string.Join(' ', r.RunPath)}",
        $"needs {string.Join(' ', r.VersionNeeds)}", $"defs {string.Join(' ', r.VersionDefinitions)}",
        $"imports {string.Join(' ', r.Imports)}", $"copies {string.Join(' ', r.Copies.Order(StringComparer.Ordinal))}");

    private static string Describe(ElfFile e) => string.Join('\n',
        $"class {(e.Header.Class == ElfClass.Elf64 ? "ELF64" : "ELF32")} data 2's complement, {(e.Header.IsBigEndian ? "big" : "little")} endian"
        + $" type {TypeName(e.Header.Type)} interp {e.Interpreter}",
        $"needed {string.Join(' ', e.Needed)}", $"soname {e.SoName}",
        $"rpath {string.Join(' ', e.RPath)}", $"runpath {string.Join(' ', e.RunPath)}",
        $"needs {string.Join(' ', e.VersionNeeds.SelectMany(n => n.Names.Select(v => $"{v.Name} weak={v.IsWeak} index={v.Index}").Prepend($"file {n.File}")))}",
        $"defs {string.Join(' ', e.VersionDefinitions.SelectMany(d => d.Names.Skip(1).Prepend($"def {d.Index} base={d.IsBase} {d.Names.FirstOrDefault()}")))}",
        $"imports {string.Join(' ', e.ImportedSymbols.Select(s => $"{s.Name}{(s.Version is null ? "" : "@" + s.Version)} weak={s.IsWeak}"))}",
        $"copies {string.Join(' ', e.CopiedSymbols.Select(s => s.Name + (s.Version is null ? "" : "@" + s.Version)).Order(StringComparer.Ordinal))}");

    private static string TypeName(ElfFileType type) => type switch
    {
        ElfFileType.Executable => "EXEC",
        ElfFileType.SharedObject => "DYN",
        ElfFileType.Relocatable => "REL",
        ElfFileType.Core => "CORE",
        _ => "NONE",
    };
}
