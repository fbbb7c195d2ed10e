using System.IO.Compression;
using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Formats.Cpio;
using Pkgify.Formats.Rpm;
using Shouldly;

namespace Pkgify.Formats.Tests.Rpm;

/// <summary>Our rpm readers and header builder against a package made by the real rpmbuild.</summary>
public class RpmbuildPackageTests
{
    private TempDir _dir = null!;
    private string _rpm = null!;
    private RpmPackage _package = null!;

    [OneTimeSetUp]
    public void BuildReferencePackage()
    {
        _dir = new TempDir();
        _rpm = RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, _dir.Root);
        using var input = File.OpenRead(_rpm);
        _package = RpmPackageReader.Open(input);
        input.Position.ShouldBe(_package.PayloadOffset);
    }

    [OneTimeTearDown]
    public void Cleanup() => _dir.Dispose();

    [Test]
    public void Lead_names_the_package_like_rpmbuild()
    {
        _package.Lead.Name.ShouldBe("hello-lab-1:1.2.3-4");
        (_package.Lead.Major, _package.Lead.SignatureType, _package.Lead.IsSource).ShouldBe((3, 5, false));
    }

    [Test]
    public void Scalars_agree_with_rpm_query()
    {
        var h = _package.Header;
        string[] rpm = Query("%{NAME}\\n%{EPOCH}\\n%{VERSION}\\n%{RELEASE}\\n%{ARCH}\\n%{SUMMARY}\\n%{OS}\\n%{PREIN}\\n%{POSTIN}\\n%{PREINPROG}\\n%{SIZE}\\n%{SOURCERPM}\\n%{PAYLOADCOMPRESSOR}\\n")
            .Split('\n');
        string[] ours =
        [
            h.GetString(RpmTags.Name)!, h.GetInteger(RpmTags.Epoch).ToString()!, h.GetString(RpmTags.Version)!,
            h.GetString(RpmTags.Release)!, h.GetString(RpmTags.Arch)!, h.GetString(RpmTags.Summary)!,
            h.GetString(RpmTags.Os)!, h.GetString(RpmTags.PreIn)!, h.GetString(RpmTags.PostIn)!,
            h.GetString(RpmTags.PreInProg)!, h.GetInteger(RpmTags.Size).ToString()!, h.GetString(RpmTags.SourceRpm)!,
            h.GetString(RpmTags.PayloadCompressor)!,
        ];
        rpm[..ours.Length].ShouldBe(ours);
        ours[..5].ShouldBe(["hello-lab", "1", "1.2.3", "4", "noarch"]);
    }

    [TestCase(RpmTags.RequireName, "REQUIRENAME")]
    [TestCase(RpmTags.RequireFlags, "REQUIREFLAGS")]
    [TestCase(RpmTags.RequireVersion, "REQUIREVERSION")]
    [TestCase(RpmTags.ProvideName, "PROVIDENAME")]
    [TestCase(RpmTags.ProvideFlags, "PROVIDEFLAGS")]
    [TestCase(RpmTags.ProvideVersion, "PROVIDEVERSION")]
    [TestCase(RpmTags.FileModes, "FILEMODES")]
    [TestCase(RpmTags.FileSizes, "FILESIZES")]
    [TestCase(RpmTags.FileFlags, "FILEFLAGS")]
    [TestCase(RpmTags.FileDigests, "FILEDIGESTS")]
    [TestCase(RpmTags.FileLinkTos, "FILELINKTOS")]
    [TestCase(RpmTags.FileUserName, "FILEUSERNAME")]
    [TestCase(RpmTags.FileGroupName, "FILEGROUPNAME")]
    [TestCase(RpmTags.FileInodes, "FILEINODES")]
    [TestCase(RpmTags.FileMTimes, "FILEMTIMES")]
    [TestCase(RpmTags.FileVerifyFlags, "FILEVERIFYFLAGS")]
    [TestCase(RpmTags.DirNames, "DIRNAMES")]
    [TestCase(RpmTags.BaseNames, "BASENAMES")]
    public void Arrays_agree_with_rpm_query(int tag, string rpmTagName)
    {
        var entry = _package.Header.GetEntry(tag).ShouldNotBeNull();
        string[] ours = entry.Type is RpmTagType.StringArray or RpmTagType.String
            ? _package.Header.GetStringArray(tag).ToArray()
            : _package.Header.GetIntegers(tag).Select(v => v.ToString()).ToArray();
        QueryArray(rpmTagName).ShouldBe(ours);
    }

    [Test]
    public void File_names_dependencies_and_flags_are_what_the_spec_asked_for()
    {
        var h = _package.Header;
        string[] names = FileNames(h);
        names.ShouldBe(QueryArray("FILENAMES"));
        names.ShouldContain("/etc/hello-lab/hello.conf");
        int conf = Array.IndexOf(names, "/etc/hello-lab/hello.conf");
        h.GetIntegers(RpmTags.FileFlags)[conf].ShouldBe(RpmFileFlags.Config | RpmFileFlags.NoReplace);
        h.GetIntegers(RpmTags.FileFlags)[Array.FindIndex(names, n => n.EndsWith("/README"))].ShouldBe(RpmFileFlags.Doc);
        h.GetStringArray(RpmTags.FileLinkTos)[Array.IndexOf(names, "/opt/hello-lab/run")].ShouldBe("bin/hello");
        h.GetIntegers(RpmTags.FileModes)[Array.IndexOf(names, "/opt/hello-lab/run")].ShouldBe(0xA1FF);

        var inodes = h.GetIntegers(RpmTags.FileInodes);
        inodes[Array.IndexOf(names, "/opt/hello-lab/a.dat")].ShouldBe(inodes[Array.IndexOf(names, "/opt/hello-lab/b.dat")]);

        var requires = h.GetStringArray(RpmTags.RequireName).Zip(h.GetIntegers(RpmTags.RequireFlags)).ToList();
        requires.ShouldContain(("bash", (long)RpmSenseFlags.Any));
        requires.ShouldContain(("/bin/sh", (long)(RpmSenseFlags.Interp | RpmSenseFlags.ScriptPre)));
        requires.ShouldContain(("/bin/sh", (long)(RpmSenseFlags.Interp | RpmSenseFlags.ScriptPost)));
        requires.ShouldContain(("config(hello-lab)", (long)(RpmSenseFlags.Config | RpmSenseFlags.Equal)));
        requires.ShouldContain(("rpmlib(PartialHardlinkSets)", (long)(RpmSenseFlags.RpmLib | RpmSenseFlags.LessOrEqual)));
        h.GetStringArray(RpmTags.ProvideName).ShouldContain("hello-service");
    }

    [Test]
    public void Header_digests_recomputed_over_raw_bytes_equal_the_stored_ones_and_rpms_view()
    {
        var sig = _package.Signature;
        byte[] raw = _package.Header.RawBytes;
        Convert.ToHexStringLower(SHA256.HashData(raw)).ShouldBe(sig.GetString(RpmTags.SigSha256));
        Convert.ToHexStringLower(SHA1.HashData(raw)).ShouldBe(sig.GetString(RpmTags.SigSha1));
        Query("%{SHA256HEADER}").ShouldBe(sig.GetString(RpmTags.SigSha256));

        // MD5 and SIZE cover header + compressed payload; PAYLOADDIGEST the compressed payload alone (§2.5).
        byte[] file = File.ReadAllBytes(_rpm);
        int headerStart = (int)_package.PayloadOffset - raw.Length;
        file.AsSpan(headerStart, raw.Length).SequenceEqual(raw).ShouldBeTrue();
        byte[] headerAndPayload = file[headerStart..];
        MD5.HashData(headerAndPayload).ShouldBe(sig.GetBin(RpmTags.SigMd5));
        sig.GetInteger(RpmTags.SigSize).ShouldBe(headerAndPayload.Length);
        _package.Header.GetString(RpmTags.PayloadDigest)
            .ShouldBe(Convert.ToHexStringLower(SHA256.HashData(file.AsSpan((int)_package.PayloadOffset))));
    }

    [Test]
    public void Rebuilding_both_headers_from_their_entries_reproduces_rpmbuilds_bytes()
    {
        Rebuild(_package.Header, RpmTags.HeaderImmutable).ShouldBe(_package.Header.RawBytes);
        Rebuild(_package.Signature, RpmTags.HeaderSignatures).ShouldBe(_package.Signature.RawBytes);
        int padded = _package.Signature.RawBytes.Length + RpmSignatureHeader.PaddingFor(_package.Signature.RawBytes.Length);
        (padded % 8).ShouldBe(0);
        (RpmLead.Size + padded + _package.Header.RawBytes.Length).ShouldBe((int)_package.PayloadOffset);
    }

    [Test]
    public void Gzip_payload_is_rpm_style_newc_matching_rpm2cpio_and_the_header()
    {
        byte[] cpio;
        using (var input = File.OpenRead(_rpm))
        {
            input.Position = _package.PayloadOffset;
            using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            cpio = buffer.ToArray();
        }
        cpio.ShouldBe(ToolRunner.RunBytesChecked("rpm2cpio", [_rpm]).StdOut);
        CheckPayload(_package.Header, _package.Signature, cpio);
    }

    [Test]
    public void Xz_payload_via_rpm2cpio_reads_the_same_way_through_a_non_seekable_stream()
    {
        using var dir = new TempDir();
        string rpm = RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, dir.Root, RpmBuildFixtures.XzPayload);
        RpmPackage package;
        using (var input = new NonSeekableStream(File.OpenRead(rpm)))
            package = RpmPackageReader.Open(input);
        package.Header.GetString(RpmTags.PayloadCompressor).ShouldBe("xz");
        Rebuild(package.Header, RpmTags.HeaderImmutable).ShouldBe(package.Header.RawBytes);
        CheckPayload(package.Header, package.Signature, ToolRunner.RunBytesChecked("rpm2cpio", [rpm]).StdOut);
    }

    /// <summary>
    /// Payload members are the header's files with "./" names; hardlink data sits on the set's last member; our
    /// writer given the same members writes the same bytes.
    /// </summary>
    private static void CheckPayload(RpmHeader header, RpmHeader signature, byte[] cpio)
    {
        cpio.Length.ShouldBe((int)signature.GetInteger(RpmTags.SigPayloadSize)!.Value); // trailer padded to 4 only
        string[] names = FileNames(header);
        var sizes = header.GetIntegers(RpmTags.FileSizes);
        var modes = header.GetIntegers(RpmTags.FileModes);
        var members = new List<(CpioEntryHeader Header, byte[] Data)>();
        using (var reader = new CpioArchiveReader(new MemoryStream(cpio)))
        {
            while (reader.Next() is { } entry)
            {
                using var data = new MemoryStream();
                entry.Content.CopyTo(data);
                members.Add((entry.Header, data.ToArray()));
            }
            reader.BytesRead.ShouldBe(cpio.Length);
        }

        members.Select(m => m.Header.Name).ShouldBe(names.Select(n => "." + n), ignoreOrder: true);
        foreach (var (member, data) in members)
        {
            int i = Array.IndexOf(names, member.Name[1..]);
            member.Mode.ShouldBe((int)modes[i], member.Name);
        }
        // Hardlinks come last, first member empty, data on the last, same inode, nlink 2 (formats.md §2.10).
        var (a, aData) = members[^2];
        var (b, bData) = members[^1];
        (a.Name, b.Name).ShouldBe(("./opt/hello-lab/a.dat", "./opt/hello-lab/b.dat"));
        (a.Size, aData.Length).ShouldBe((0L, 0));
        bData.ShouldBe("linked\n"u8.ToArray());
        b.Size.ShouldBe(sizes[Array.IndexOf(names, "/opt/hello-lab/b.dat")]);
        (a.Inode, a.NLink, b.NLink).ShouldBe((b.Inode, 2, 2));
        members.Single(m => m.Header.Name == "./opt/hello-lab/run").Data.ShouldBe("bin/hello"u8.ToArray());

        // Our writer, fed the same members, reproduces rpm's archive byte for byte.
        using var rewritten = new MemoryStream();
        using (var writer = new CpioNewcWriter(rewritten, leaveOpen: true))
        {
            foreach (var (member, data) in members)
                writer.WriteEntry(member, new MemoryStream(data));
            writer.Finish();
        }
        rewritten.ToArray().ShouldBe(cpio);
    }

    internal static byte[] Rebuild(RpmHeader header, int regionTag)
    {
        var builder = new RpmHeaderBuilder(regionTag);
        foreach (var entry in header.Entries)
            builder.AddEntry(entry);
        return builder.Build();
    }

    private static string[] FileNames(RpmHeader h)
    {
        var dirs = h.GetStringArray(RpmTags.DirNames);
        var indexes = h.GetIntegers(RpmTags.DirIndexes);
        return h.GetStringArray(RpmTags.BaseNames).Select((b, i) => dirs[(int)indexes[i]] + b).ToArray();
    }

    private string Query(string format) => ToolRunner.RunChecked("rpm", ["-qp", "--qf", format, _rpm]).StdOut;

    private string[] QueryArray(string tag) =>
        Query($"[%{{{tag}}}\\n]").Split('\n')[..^1];
}
