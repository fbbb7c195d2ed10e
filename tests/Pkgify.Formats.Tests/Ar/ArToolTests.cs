using System.Text;
using Pkgify.Formats.Ar;
using Pkgify.Formats.Tar;

namespace Pkgify.Formats.Tests.Ar;

/// <summary><see cref="ArWriter"/> output read by binutils ar and compared with dpkg-deb; our reader on their output.</summary>
public class ArToolTests
{
    private const long MTime = 1_700_000_000;

    private static readonly (string Name, byte[] Data)[] Members =
    [
        ("debian-binary", "2.0\n"u8.ToArray()),
        ("odd.bin", "seven!\n"u8.ToArray()),
        ("empty", []),
        ("fifteen-chars.x", RandomBytes(100_001, 1)),
        ("even.bin", RandomBytes(4096, 2)),
    ];

    [Test]
    public void BinutilsArListsAndPrintsOurMembers()
    {
        using var dir = new TempDir();
        var archive = dir.Path("ours.a");
        using (var writer = new ArWriter(File.Create(archive), MTime))
        {
            foreach (var (name, data) in Members)
            {
                // Alternate the span and the streamed overloads.
                if (data.Length % 2 == 0)
                {
                    writer.WriteMember(name, data);
                }
                else
                {
                    writer.WriteMember(name, new MemoryStream(data), data.Length);
                }
            }
        }

        ToolRunner.RunChecked("ar", ["t", archive]).StdOut.ShouldBe(string.Concat(Members.Select(m => m.Name + "\n")));
        foreach (var (name, data) in Members)
        {
            ToolRunner.RunBytesChecked("ar", ["p", archive, name]).StdOut.ShouldBe(data, name);
        }

        // tv shows mode, owner, size and date as ar understood them.
        var verbose = ToolRunner.RunChecked("ar", ["tvO", archive]).StdOut;
        verbose.ShouldContain("rw-r--r-- 0/0   4096 Nov 14 22:13 2023 even.bin");
    }

    [Test]
    public void OurDebIsByteIdenticalToDpkgDebs()
    {
        using var dir = new TempDir();
        // Grow the payload until gzip yields a member of odd size, so dpkg-deb's pad byte is compared too.
        var deb = "";
        var members = new List<ReadMember>();
        for (var extra = 0; extra < 8 && !members.Any(m => m.Data.Length % 2 == 1); extra++)
        {
            deb = BuildDeb(dir, "-Zgzip", new string('!', extra));
            members = ReadMembers(File.OpenRead(deb));
        }

        members.Select(m => m.Name).ShouldBe(["debian-binary", "control.tar.gz", "data.tar.gz"]);
        members[0].Data.ShouldBe("2.0\n"u8.ToArray());
        members.ShouldAllBe(m => m.MTime == MTime && m.Mode == 0x81A4);
        foreach (var member in members)
        {
            ToolRunner.RunBytesChecked("ar", ["p", deb, member.Name]).StdOut.ShouldBe(member.Data, member.Name);
        }

        using var ours = new MemoryStream();
        using (var writer = new ArWriter(ours, MTime, leaveOpen: true))
        {
            foreach (var member in members)
            {
                writer.WriteMember(member.Name, member.Data);
            }
        }

        ours.ToArray().ShouldBe(File.ReadAllBytes(deb));
        members.ShouldContain(m => m.Data.Length % 2 == 1, "a member of odd size makes the padding part of the comparison");
    }

    [Test]
    public void ReadsGnuArArchivesWithSlashTerminatedNames()
    {
        using var dir = new TempDir();
        var names = new List<string>();
        foreach (var (name, data) in Members)
        {
            File.WriteAllBytes(dir.Path(name), data);
            names.Add(name);
        }

        var archive = dir.Path("gnu.a");
        ToolRunner.RunChecked("ar", ["rc", archive, .. names], dir.Root);
        Encoding.ASCII.GetString(File.ReadAllBytes(archive), 8, 16).ShouldBe("debian-binary/  "); // GNU style

        var members = ReadMembers(new NonSeekableStream(File.OpenRead(archive)));
        members.Select(m => m.Name).ShouldBe(Members.Select(m => m.Name));
        foreach (var (member, expected) in members.Zip(Members))
        {
            member.Data.ShouldBe(expected.Data, member.Name);
        }
    }

    [Test]
    public void ReadsTheTarInsideAnUncompressedDpkgDebWithoutSeeking()
    {
        using var dir = new TempDir();
        var deb = BuildDeb(dir, "-Znone");

        using var reader = new ArArchiveReader(new NonSeekableStream(File.OpenRead(deb)));
        var names = new List<string>();
        while (reader.Next() is { } member)
        {
            if (member.Name == "data.tar")
            {
                using var tar = new TarArchiveReader(member.Content, leaveOpen: true);
                while (tar.Next() is { } entry)
                {
                    names.Add(entry.Header.Name);
                }
            }
        }

        var expected = ToolRunner.RunChecked("sh", ["-c", $"dpkg-deb --fsys-tarfile '{deb}' | tar -t"]).StdOut
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);
        names.ShouldBe(expected);
        names.ShouldContain("./usr/share/doc/sample/README");
    }

    private static string BuildDeb(TempDir dir, string compression, string readmeSuffix = "")
    {
        var tree = dir.Path("pkg");
        if (Directory.Exists(tree))
        {
            Directory.Delete(tree, recursive: true);
        }

        Directory.CreateDirectory(Path.Combine(tree, "DEBIAN"));
        Directory.CreateDirectory(Path.Combine(tree, "usr", "share", "doc", "sample"));
        File.WriteAllText(Path.Combine(tree, "usr", "share", "doc", "sample", "README"), "sample package" + readmeSuffix + "\n");
        File.WriteAllText(Path.Combine(tree, "DEBIAN", "control"),
            "Package: sample\nVersion: 1.0\nArchitecture: all\nMaintainer: Test <t@example.com>\nDescription: sample\n");
        ToolRunner.RunChecked("chmod", ["-R", "go-w", tree]);
        var deb = dir.Path("sample.deb");
        ToolRunner.RunChecked("dpkg-deb", ["--root-owner-group", compression, "--build", tree, deb],
            env: new Dictionary<string, string> { ["SOURCE_DATE_EPOCH"] = MTime.ToString() });
        return deb;
    }

    private sealed record ReadMember(string Name, long MTime, int Mode, byte[] Data);

    private static List<ReadMember> ReadMembers(Stream input)
    {
        var result = new List<ReadMember>();
        using var reader = new ArArchiveReader(input);
        while (reader.Next() is { } member)
        {
            using var data = new MemoryStream();
            member.Content.CopyTo(data);
            data.Length.ShouldBe(member.Size);
            result.Add(new ReadMember(member.Name, member.MTime, member.Mode, data.ToArray()));
        }

        return result;
    }

    private static byte[] RandomBytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }
}
