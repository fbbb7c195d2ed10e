using Pkgify.Formats.Ar;
using Pkgify.Formats.IO;
using Pkgify.TestSupport;

namespace Pkgify.Formats.Tests.IO;

/// <summary>
/// The in-kernel copy used to assemble packages: exact bytes at the streams' positions, both positions
/// advanced, the declared size enforced, and a plain refusal for what is not a file.
/// </summary>
public class FileRangeCopyTests
{
    [Test]
    public void Copies_from_position_to_position_and_advances_both()
    {
        using var tmp = new TempDir();
        var data = new byte[3 * 1024 * 1024 + 17];
        new Random(1).NextBytes(data);
        File.WriteAllBytes(tmp.Path("src"), data);
        using var source = new FileStream(tmp.Path("src"), FileMode.Open, FileAccess.Read);
        using var destination = new FileStream(tmp.Path("dst"), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, 4096);
        destination.Write("head"u8); // still in the FileStream's buffer: must reach the file before the copy
        source.Position = 100;

        FileRangeCopy.TryCopy(source, destination, data.Length - 200, "test").ShouldBeTrue();
        source.Position.ShouldBe(data.Length - 100);
        destination.Position.ShouldBe(4 + data.Length - 200);
        destination.Write("tail"u8);
        destination.Dispose();

        var written = File.ReadAllBytes(tmp.Path("dst"));
        written.ShouldBe([.. "head"u8.ToArray(), .. data.AsSpan(100, data.Length - 200).ToArray(), .. "tail"u8.ToArray()]);
    }

    [Test]
    public void A_source_shorter_than_declared_is_an_error()
    {
        using var tmp = new TempDir();
        File.WriteAllBytes(tmp.Path("src"), new byte[1000]);
        using var source = new FileStream(tmp.Path("src"), FileMode.Open, FileAccess.Read);
        using var destination = new FileStream(tmp.Path("dst"), FileMode.CreateNew, FileAccess.ReadWrite);
        Should.Throw<IOException>(() => FileRangeCopy.TryCopy(source, destination, 1001, "member"))
            .Message.ShouldBe("member: content stream ended 1 bytes before the declared size 1001");
    }

    [Test]
    public void Streams_that_are_not_files_are_left_to_the_caller()
    {
        using var tmp = new TempDir();
        using var file = new FileStream(tmp.Path("dst"), FileMode.CreateNew, FileAccess.ReadWrite);
        using var memory = new MemoryStream(new byte[10]);
        FileRangeCopy.TryCopy(memory, file, 10, "test").ShouldBeFalse();
        memory.Position.ShouldBe(0);
        file.Length.ShouldBe(0);
    }

    [Test]
    public void An_ar_member_copied_from_a_file_is_read_back_by_binutils_ar()
    {
        // The ar writer's file-to-file path (how a .deb gets its data.tar member), proved by GNU ar.
        using var tmp = new TempDir();
        var data = new byte[1_000_001]; // odd: the member needs its '\n' padding after the in-kernel copy
        new Random(2).NextBytes(data);
        File.WriteAllBytes(tmp.Path("member.bin"), data);
        using (var output = new FileStream(tmp.Path("x.a"), FileMode.CreateNew, FileAccess.ReadWrite))
        using (var source = new FileStream(tmp.Path("member.bin"), FileMode.Open, FileAccess.Read))
        using (var ar = new ArWriter(output, 0, leaveOpen: true))
        {
            ar.WriteMember("first", "x"u8);
            ar.WriteMember("member.bin", source, source.Length);
            ar.WriteMember("last", "y"u8);
        }
        Directory.CreateDirectory(tmp.Path("out"));
        ToolRunner.RunChecked("ar", ["x", tmp.Path("x.a")], workingDir: tmp.Path("out"));
        File.ReadAllBytes(tmp.Path("out/member.bin")).ShouldBe(data);
        File.ReadAllText(tmp.Path("out/last")).ShouldBe("y");
    }
}
