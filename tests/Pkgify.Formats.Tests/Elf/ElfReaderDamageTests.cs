using System.Buffers.Binary;
using Pkgify.Formats.Elf;
using TestTools = Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.Elf;

/// <summary>
/// Damaged and hostile ELF files: the reader returns or throws <see cref="InvalidDataException"/> — never another
/// exception, never a hang, never an allocation sized by a forged field. The damage is applied to files binutils
/// built here (both classes, both byte orders) and to a real system program.
/// </summary>
public class ElfReaderDamageTests
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(60);
    private const int Mutations = 1500;

    // ELF64 header and section header offsets (elf(5)).
    private const int ShOff64 = 40, ShEntSize64 = 58, ShNum64 = 60, PhOff64 = 32, PhNum64 = 56;
    private const int ShType = 4, ShOffset64 = 24, ShSize64 = 32, ShLink64 = 40, ShInfo64 = 44;
    private const uint Dynamic = 6, VersionNeeds = 0x6FFFFFFE, DynamicSymbols = 11;

    private static TestTools.TempDir _dir = null!;
    private static List<byte[]> _samples = [];
    private static byte[] _x8664User = [];

    [OneTimeSetUp]
    public static void Build()
    {
        _dir = new TestTools.TempDir("elf-damage");
        var files = TestTools.ElfFixtures.BuildCornerCases(_dir);
        string[] picks = ["x86_64/libuser-both.so.2", "i386/libstub.so.1", "s390x/librpath.so.1", "s390/exe", "x86_64/libpie.so.1"];
        _samples = picks.Select(p => File.ReadAllBytes(files.Single(f => f.EndsWith(p, StringComparison.Ordinal)))).ToList();
        _samples.Add(File.ReadAllBytes("/usr/bin/true"));
        _x8664User = _samples[0];
    }

    [OneTimeTearDown]
    public static void Clean() => _dir.Dispose();

    [Test]
    public void Every_truncation_is_read_or_reported_as_damage()
    {
        BoundedRun.Within(Limit, () =>
        {
            foreach (var sample in _samples)
                for (var length = 0; length < sample.Length; length += Math.Max(1, sample.Length / 400))
                    ReadOrDamage(sample.AsSpan(0, length).ToArray());
        });
    }

    [Test]
    public void Random_corruption_is_read_or_reported_as_damage()
    {
        var random = new Random(5);
        BoundedRun.Within(Limit, () =>
        {
            for (var i = 0; i < Mutations; i++)
            {
                var bytes = (byte[])_samples[i % _samples.Count].Clone();
                var flips = random.Next(1, 9);
                for (var f = 0; f < flips; f++)
                {
                    var at = random.Next(bytes.Length);
                    bytes[at] = random.Next(3) == 0 ? (byte)0xFF : (byte)random.Next(256);
                }
                ReadOrDamage(bytes);
            }
        });
    }

    [TestCase(ShOff64, 8, 0x7FFF_FFFF_FFFF_0000UL, TestName = "Section header table far past the end")]
    [TestCase(ShNum64, 2, 0xFFFFUL, TestName = "More section headers than the file holds")]
    [TestCase(ShEntSize64, 2, 8UL, TestName = "Section header entries smaller than a header")]
    [TestCase(PhOff64, 8, 0xFFFF_FFFF_FFFF_FFF0UL, TestName = "Program header table beyond any offset")]
    [TestCase(PhNum64, 2, 0xFFFEUL, TestName = "More program headers than the file holds")]
    public void Forged_header_fields_are_damage(int offset, int width, ulong value)
    {
        var bytes = (byte[])_x8664User.Clone();
        Write(bytes, offset, width, value);
        Should.Throw<InvalidDataException>(() => ElfReader.Read(new MemoryStream(bytes)));
    }

    [Test]
    public void Extended_section_numbering_claiming_billions_of_sections_is_damage()
    {
        var bytes = (byte[])_x8664User.Clone();
        Write(bytes, ShNum64, 2, 0);
        var shoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(ShOff64));
        Write(bytes, shoff + ShSize64, 8, 0xFFFF_FFFFUL);
        Should.Throw<InvalidDataException>(() => ElfReader.Read(new MemoryStream(bytes))).Message.ShouldContain("sections");
    }

    [TestCase(Dynamic, ShSize64, 0x7FFF_FFFF_FFFFUL, TestName = "Dynamic section larger than the file")]
    [TestCase(DynamicSymbols, ShSize64, 0x10_0000_0000UL, TestName = "Symbol table larger than the file")]
    [TestCase(DynamicSymbols, ShLink64, 0xFFFFUL, TestName = "Symbol table linked to a missing string table")]
    [TestCase(VersionNeeds, ShInfo64, 0xFFFF_FFFFUL, TestName = "Version needs announcing four billion entries")]
    [TestCase(VersionNeeds, ShOffset64, 0x7FFF_FFFF_0000UL, TestName = "Version needs outside the file")]
    public void Forged_section_fields_are_damage(uint sectionType, int field, ulong value)
    {
        var bytes = (byte[])_x8664User.Clone();
        var header = SectionHeader(bytes, sectionType);
        Write(bytes, header + field, field is ShLink64 or ShInfo64 ? 4 : 8, value);
        Should.Throw<InvalidDataException>(() => ElfReader.Read(new MemoryStream(bytes)));
    }

    [Test]
    public void A_version_chain_that_loops_back_is_damage()
    {
        var bytes = (byte[])_x8664User.Clone();
        var header = SectionHeader(bytes, VersionNeeds);
        var offset = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(header + ShOffset64));
        // First Vernaux: vna_next (at +12 of the aux, which starts 16 bytes in) points back at itself, count kept.
        Write(bytes, offset + 16 + 12, 4, 0);
        Should.Throw<InvalidDataException>(() => ElfReader.Read(new MemoryStream(bytes))).Message.ShouldContain("chain");
    }

    [Test]
    public void Not_an_elf_file_and_unknown_class_or_byte_order_are_damage()
    {
        Should.Throw<InvalidDataException>(() => ElfReader.Read(new MemoryStream("#!/bin/sh\n"u8.ToArray())));
        var badClass = (byte[])_x8664User.Clone();
        badClass[4] = 3;
        Should.Throw<InvalidDataException>(() => ElfReader.Read(new MemoryStream(badClass))).Message.ShouldContain("class");
        var badData = (byte[])_x8664User.Clone();
        badData[5] = 0;
        Should.Throw<InvalidDataException>(() => ElfReader.Read(new MemoryStream(badData))).Message.ShouldContain("encoding");
    }

    private static void ReadOrDamage(byte[] bytes)
    {
        try
        {
            ElfReader.Read(new MemoryStream(bytes));
        }
        catch (InvalidDataException e)
        {
            e.Message.ShouldNotContain("\n");
        }
    }

    private static int SectionHeader(byte[] bytes, uint type)
    {
        var shoff = (int)BinaryPrimitives.ReadUInt64LittleEndian(bytes.AsSpan(ShOff64));
        int size = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(ShEntSize64));
        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(ShNum64));
        for (var i = 0; i < count; i++)
            if (BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(shoff + i * size + ShType)) == type)
                return shoff + i * size;
        throw new InvalidOperationException($"fixture has no section of type {type:x}");
    }

    private static void Write(byte[] bytes, int offset, int width, ulong value)
    {
        var span = bytes.AsSpan(offset, width);
        if (width == 2) BinaryPrimitives.WriteUInt16LittleEndian(span, (ushort)value);
        else if (width == 4) BinaryPrimitives.WriteUInt32LittleEndian(span, (uint)value);
        else BinaryPrimitives.WriteUInt64LittleEndian(span, value);
    }
}
