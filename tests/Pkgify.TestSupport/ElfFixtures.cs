using System.Buffers.Binary;
using System.Globalization;
using System.Text.RegularExpressions;

namespace Pkgify.TestSupport;

/// <summary>One binutils target the fixtures assemble and link for.</summary>
/// <param name="Name">Label used in file names.</param>
/// <param name="Assembler">GNU as for the target.</param>
/// <param name="AssemblerArgs">Options selecting the class (e.g. --32, -m31).</param>
/// <param name="Linker">GNU ld for the target.</param>
/// <param name="LinkerArgs">Options selecting the emulation (e.g. -m elf_i386).</param>
/// <param name="WordDirective">Assembler directive for an address-sized datum.</param>
public sealed record ElfTarget(string Name, string Assembler, string[] AssemblerArgs, string Linker, string[] LinkerArgs, string WordDirective);

/// <summary>
/// Builds small real ELF files with GNU binutils for the cases a Debian amd64 system lacks: ELF32, big-endian
/// (s390x in 64-bit and 31-bit mode), odd sonames, hash-table styles, RPATH/RUNPATH, weak versions. The
/// sources define and reference data symbols only, so one text serves every architecture.
/// </summary>
public static partial class ElfFixtures
{
    /// <summary>Debian package that ships the s390x binutils the big-endian fixtures need.</summary>
    public const string CrossBinutilsPackage = "binutils-s390x-linux-gnu";

    public static readonly ElfTarget X8664 = new("x86_64", "as", [], "ld", [], ".quad");
    public static readonly ElfTarget I386 = new("i386", "as", ["--32"], "ld", ["-m", "elf_i386"], ".long");
    public static readonly ElfTarget S390X = new("s390x", "s390x-linux-gnu-as", [], "s390x-linux-gnu-ld", [], ".quad");
    public static readonly ElfTarget S390 = new("s390", "s390x-linux-gnu-as", ["-m31"], "s390x-linux-gnu-ld", ["-m", "elf_s390"], ".long");

    /// <summary>Every target: both classes, both byte orders.</summary>
    public static readonly IReadOnlyList<ElfTarget> AllTargets = [X8664, I386, S390X, S390];

    private const string StubSource = """
        	.data
        	.globl f
        	.type f,@object
        	.size f, 4
        f:	.long 1
        	.globl g
        	.type g,@object
        	.size g, 4
        g:	.long 2
        	.globl h
        	.type h,@object
        	.size h, 4
        h:	.long 3
        """;

    private const string VersionScript = "V_1 { global: f; local: *; };\nV_2 { global: g; } V_1;\nV_3 { global: h; } V_2 V_1;\n";

    // f and h are strong references, g a weak one; _start gives executables an entry point.
    private static string UserSource(ElfTarget t) => $"""
        	.data
        	.globl _start
        _start:	{t.WordDirective} f
        	{t.WordDirective} g
        	{t.WordDirective} h
        	.weak g
        """;

    /// <summary>Assembles <paramref name="source"/> into <paramref name="dir"/>/<paramref name="name"/>.o.</summary>
    public static string Assemble(ElfTarget t, string dir, string name, string source)
    {
        var sourcePath = Path.Combine(dir, name + ".s");
        File.WriteAllText(sourcePath, source + "\n");
        var obj = Path.Combine(dir, name + ".o");
        ToolRunner.RunChecked(ToolRunner.Require(t.Assembler), [.. t.AssemblerArgs, sourcePath, "-o", obj]);
        return obj;
    }

    /// <summary>Links with the target's ld; <paramref name="args"/> follow the emulation options.</summary>
    public static string Link(ElfTarget t, string output, params string[] args)
    {
        ToolRunner.RunChecked(ToolRunner.Require(t.Linker), [.. t.LinkerArgs, .. args, "-o", output]);
        return output;
    }

    /// <summary>
    /// Builds the corner-case files for every target into <paramref name="dir"/> and returns their paths: a
    /// versioned library, users of it with each hash style, RPATH and RUNPATH, executables with and without PIE,
    /// a library without soname, sonames elfdeps filters, a weak version need and Alpha machine numbers.
    /// </summary>
    public static IReadOnlyList<string> BuildCornerCases(TempDir dir)
    {
        var files = new List<string>();
        foreach (var t in AllTargets)
            files.AddRange(BuildForTarget(t, Directory.CreateDirectory(dir.Path(t.Name)).FullName));
        files.AddRange(BuildOddSonames(Directory.CreateDirectory(dir.Path("sonames")).FullName));
        files.AddRange(BuildPatchedCopies(files.First(f => f.EndsWith("x86_64/libuser-both.so.2", StringComparison.Ordinal)),
            Directory.CreateDirectory(dir.Path("patched")).FullName));
        return files;
    }

    private static List<string> BuildForTarget(ElfTarget t, string dir)
    {
        var stubObj = Assemble(t, dir, "stub", StubSource);
        var map = Path.Combine(dir, "stub.map");
        File.WriteAllText(map, VersionScript);
        var stub = Link(t, Path.Combine(dir, "libstub.so.1"), "-shared", "-soname", "libstub.so.1", "--version-script", map, stubObj);
        var userObj = Assemble(t, dir, "user", UserSource(t));
        var files = new List<string> { stub };
        foreach (var style in new[] { "sysv", "gnu", "both" })
            files.Add(Link(t, Path.Combine(dir, $"libuser-{style}.so.2"), "-shared", $"--hash-style={style}", "-soname", "libuser.so.2", userObj, stub));
        files.Add(Link(t, Path.Combine(dir, "librpath.so.1"), "-shared", "--disable-new-dtags", "-rpath", "$ORIGIN/../x.libs:/opt/lib", userObj, stub));
        files.Add(Link(t, Path.Combine(dir, "librunpath.so.1"), "-shared", "--enable-new-dtags", "-rpath", "$ORIGIN/lib", userObj, stub));
        files.Add(Link(t, Path.Combine(dir, "libnosoname.so.3"), "-shared", userObj, stub));
        files.Add(Link(t, Path.Combine(dir, "nosoname"), "-shared", userObj, stub));
        files.Add(Link(t, Path.Combine(dir, "exe"), "-dynamic-linker", "/lib/ld.so.1", "-e", "_start", userObj, stub));
        files.Add(Link(t, Path.Combine(dir, "libpie.so.1"), "-pie", "-dynamic-linker", "/lib/ld.so.1", "-e", "_start", userObj, stub));
        return files;
    }

    /// <summary>Libraries with sonames elfdeps keeps or filters, each with a user that needs it.</summary>
    private static List<string> BuildOddSonames(string dir)
    {
        var t = X8664;
        var stubObj = Assemble(t, dir, "stub", StubSource);
        var map = Path.Combine(dir, "stub.map");
        File.WriteAllText(map, VersionScript);
        var userObj = Assemble(t, dir, "user", UserSource(t));
        var files = new List<string>();
        string[] sonames = ["weird", "libfoo.so", "foo.so.1", "ld64.so.1", "ld-x.so.2", "ld.so", "ldx.so.1", "ld_x.so.1", "ld6.so", "lib.so.1", "libfoo.sox", "Libfoo.so.1", "libfoo.so.1 ", "lib foo.so.1", " libfoo.so.1"];
        for (var i = 0; i < sonames.Length; i++)
        {
            var lib = Link(t, Path.Combine(dir, $"odd{i}"), "-shared", "-soname", sonames[i], "--version-script", map, stubObj);
            files.Add(lib);
            files.Add(Link(t, Path.Combine(dir, $"needs-odd{i}.so"), "-shared", userObj, lib));
        }
        return files;
    }

    /// <summary>Copies with a weak version need and with Alpha machine numbers, patched in place.</summary>
    private static List<string> BuildPatchedCopies(string x8664User, string dir)
    {
        var weak = Path.Combine(dir, "libweak.so.2");
        File.Copy(x8664User, weak);
        SetFirstVernauxFlags(weak, flags: 2);
        var files = new List<string> { weak };
        foreach (var machine in new ushort[] { 0x9026, 41 })
        {
            var copy = Path.Combine(dir, $"libmachine{machine}.so.2");
            File.Copy(x8664User, copy);
            var bytes = File.ReadAllBytes(copy);
            BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan(MachineOffset), machine);
            File.WriteAllBytes(copy, bytes);
            files.Add(copy);
        }
        return files;
    }

    private const int MachineOffset = 18;
    private const int FirstVernauxFlags = 16 + 4; // Verneed is 16 bytes; vna_flags sits 4 bytes into Vernaux.

    /// <summary>Sets vna_flags of the first Vernaux of a little-endian file, found through readelf -V.</summary>
    public static void SetFirstVernauxFlags(string file, ushort flags)
    {
        var listing = ToolRunner.RunChecked(ToolRunner.Require("readelf"), ["-V", "-W", file]).StdOut;
        var match = VersionNeedsOffset().Match(listing);
        if (!match.Success)
            throw new InvalidOperationException($"readelf -V shows no .gnu.version_r in {file}");
        var offset = long.Parse(match.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
        var bytes = File.ReadAllBytes(file);
        BinaryPrimitives.WriteUInt16LittleEndian(bytes.AsSpan((int)offset + FirstVernauxFlags), flags);
        File.WriteAllBytes(file, bytes);
    }

    [GeneratedRegex(@"Version needs section '\.gnu\.version_r'.*\n\s*Addr: 0x[0-9a-f]+\s+Offset: 0x([0-9a-f]+)")]
    private static partial Regex VersionNeedsOffset();
}
