using System.Buffers.Binary;
using System.Text.Json;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.Formats.Rpm;
using Pkgify.TestSupport;
using Shouldly;
using static Pkgify.Cli.Tests.Rpm.RpmFixtures;

namespace Pkgify.Cli.Tests.Rpm;

/// <summary>`inspect` and `verify` on rpms made by rpmbuild and by pkgify, checked against rpm's own queries.</summary>
public class RpmInspectVerifyTests
{
    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("rpm-inspect");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void Inspect_json_of_an_rpmbuild_package_agrees_with_rpm_queries()
    {
        var rpm = RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, _tmp.Path("build"));
        string Query(string format) => ToolRunner.RunChecked("rpm", ["-qp", "--qf", format, rpm]).StdOut;
        string[] Lines(params string[] args) =>
            ToolRunner.RunChecked("rpm", ["-qp", .. args, rpm]).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        var json = JsonDocument.Parse(PkgifyCli.RunChecked("inspect", "--json", rpm).StdOut).RootElement;

        json.GetProperty("format").GetString().ShouldBe("rpm");
        json.GetProperty("name").GetString().ShouldBe(Query("%{NAME}"));
        json.GetProperty("epoch").GetInt32().ToString().ShouldBe(Query("%{EPOCH}"));
        json.GetProperty("version").GetString().ShouldBe(Query("%{VERSION}"));
        json.GetProperty("release").GetString().ShouldBe(Query("%{RELEASE}"));
        json.GetProperty("architecture").GetString().ShouldBe(Query("%{ARCH}"));
        json.GetProperty("summary").GetString().ShouldBe(Query("%{SUMMARY}"));
        Strings(json, "depends").ShouldBe(Lines("--requires"));
        Strings(json, "provides").ShouldBe(Lines("--provides"));
        var scripts = json.GetProperty("scripts");
        scripts.GetProperty("pre").GetString().ShouldBe(Query("%{PREIN}"));
        scripts.GetProperty("post").GetString().ShouldBe(Query("%{POSTIN}"));
        scripts.TryGetProperty("preun", out _).ShouldBeFalse();

        var files = json.GetProperty("files").EnumerateArray().ToList();
        files.Select(f => f.GetProperty("path").GetString()).ShouldBe(Lines("--qf", "[%{FILENAMES}\\n]"));
        var dump = Dump(rpm);
        foreach (var f in files)
        {
            var line = dump[f.GetProperty("path").GetString()!];
            f.GetProperty("mode").GetString().ShouldBe("0" + Convert.ToString(line.Permissions, 8).PadLeft(3, '0'), line.Path);
            f.GetProperty("size").GetInt64().ShouldBe(line.Size, line.Path);
            f.GetProperty("owner").GetString().ShouldBe(line.Owner, line.Path);
            f.GetProperty("mtime").GetInt64().ShouldBe(line.MTime, line.Path);
            f.GetProperty("config").GetBoolean().ShouldBe(line.IsConfig, line.Path);
            (f.GetProperty("digest").ValueKind == JsonValueKind.Null ? null : f.GetProperty("digest").GetString()).ShouldBe(line.Digest, line.Path);
        }
        // rpm has no hardlink entries; inspect shows the second member of the pair as a hardlink, like for a .deb.
        files.Single(f => f.GetProperty("path").GetString() == "/opt/hello-lab/b.dat").GetProperty("type").GetString().ShouldBe("hardlink");
    }

    [Test]
    public void Inspect_in_plain_text_shows_what_rpm_queries_show()
    {
        var tree = _tmp.Path("tree");
        CreateTree(tree);
        var script = _tmp.Path("post.sh");
        File.WriteAllText(script, "#!/bin/sh\nset -e\necho \"installed $1\"\n");
        var rpm = PackRpm(tree, _tmp.Path("out"), extra: ["--config-file", "etc/app.conf", "--after-install", script]);
        string Query(string format) => ToolRunner.RunChecked("rpm", ["-qp", "--qf", format, rpm]).StdOut;

        var text = PkgifyCli.RunChecked("inspect", rpm).StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries);

        text[0].ShouldBe($"rpm {Query("%{NAME} %{VERSION}-%{RELEASE} %{ARCH}")}");
        // rpm keeps the script without its final newline; both are three lines.
        text.ShouldContain($"script post: {Query("%{POSTIN}").Split('\n').Length} lines");
        var paths = Query("[%{FILENAMES}\n]").Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var filesAt = Array.IndexOf(text, $"files: {paths.Length}");
        filesAt.ShouldBeGreaterThan(0, string.Join('\n', text));
        // "0644 root/root         25 file     /opt/tricky/etc/app.conf [config]"
        var listed = text[(filesAt + 1)..].Select(l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToList();
        listed.Select(w => w[4]).ShouldBe(paths);
        // fflags prints "c" (plus "n" for noreplace) for %config files.
        var configs = Query("[%{FILENAMES} %{FILEFLAGS:fflags}\n]").Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l.Split(' ')).Where(w => w[^1].Contains('c')).Select(w => w[0]).ToList();
        configs.ShouldBe(["/opt/tricky/etc/app.conf"]);
        listed.Where(w => w[^1] == "[config]").Select(w => w[4]).ShouldBe(configs);
    }

    [Test]
    public void Verify_accepts_rpmbuilds_packages_and_ours()
    {
        foreach (var payload in new[] { RpmBuildFixtures.GzipPayload, RpmBuildFixtures.XzPayload, RpmBuildFixtures.ZstdPayload })
        {
            var rpm = RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, _tmp.Path("build-" + payload), payload);
            PkgifyCli.RunChecked("verify", rpm).StdOut.ShouldContain("OK");
        }
        var tree = _tmp.Path("tree");
        CreateTree(tree);
        PkgifyCli.RunChecked("verify", PackRpm(tree, _tmp.Path("out"))).StdOut.ShouldContain("OK");
    }

    [Test]
    public void Verify_names_the_file_whose_content_does_not_match_its_digest()
    {
        var rpm = PackTwoFiles("none");
        PackageBytes.Replace(rpm, "BBBBBBBBBBBBBBBB"u8, 3, (byte)'X');

        VerifyFailsNaming(rpm, "/opt/demo/b.txt", "does not match FILEDIGESTS");
    }

    [Test]
    public void Verify_names_a_damaged_header_digest()
    {
        var rpm = PackTwoFiles("xz");
        // Change one letter of the summary, inside the main header.
        PackageBytes.Replace(rpm, "Two files"u8, 0, (byte)'t');

        VerifyFailsNaming(rpm, "header SHA256");
    }

    /// <summary>verify exits 1 with one line naming the first mismatch, and rpm agrees that the package is damaged.</summary>
    private static void VerifyFailsNaming(string rpm, params string[] expected)
    {
        VerifyFailsWithOneLine(rpm, expected);
        ToolRunner.Run("rpmkeys", ["-K", rpm]).ExitCode.ShouldNotBe(0);
    }

    private static void VerifyFailsWithOneLine(string rpm, params string[] expected)
    {
        var r = PkgifyCli.Run("verify", rpm);
        r.ExitCode.ShouldBe(1);
        r.StdErr.Trim().Split('\n').Length.ShouldBe(1, r.StdErr);
        foreach (var text in expected)
            r.StdErr.ShouldContain(text);
    }

    [TestCase(RpmTags.SigMd5, "MD5 of header + payload (signature tag 1004)")]
    [TestCase(RpmTags.SigSha1, "header SHA1 (signature tag 269)")]
    public void Verify_names_a_damaged_signature_digest(int tag, string check)
    {
        var rpm = PackTwoFiles("gzip");
        var (offset, entry) = RpmLayout.SignatureField(rpm, tag);
        // MD5 is 16 binary bytes: flip a bit. SHA1 is a hex string: swap its first digit for another hex digit.
        PackageBytes.Modify(rpm, offset, 1, b => b[0] = entry.Type == RpmTagType.Bin ? (byte)(b[0] ^ 1) : (byte)(b[0] == '0' ? '1' : '0'));

        VerifyFailsNaming(rpm, check, "the package says");
    }

    [TestCase(RpmTags.SigSize, "%{SIGSIZE}", "header + payload size (signature tag 1000)")]
    [TestCase(RpmTags.SigPayloadSize, "%{ARCHIVESIZE}", "uncompressed payload size (signature tag 1007)")]
    public void Verify_names_a_damaged_size(int tag, string query, string check)
    {
        var rpm = PackTwoFiles("gzip");
        var before = long.Parse(ToolRunner.RunChecked("rpm", ["-qp", "--qf", query, rpm]).StdOut);
        var (offset, _) = RpmLayout.SignatureField(rpm, tag);
        PackageBytes.Modify(rpm, offset, sizeof(int), b => BinaryPrimitives.WriteUInt32BigEndian(b, BinaryPrimitives.ReadUInt32BigEndian(b) + 1));

        // rpm reads the field we changed...
        long.Parse(ToolRunner.RunChecked("rpm", ["-qp", "--qf", query, rpm]).StdOut).ShouldBe(before + 1);
        VerifyFailsWithOneLine(rpm, check, $"is {before} bytes, the package says {before + 1}");
        // ...but rpm 4.18 checks neither size (rpmkeys -K passes, and -vv prints no size check): only verify notices.
        ToolRunner.RunChecked("rpmkeys", ["-K", rpm]).StdOut.ShouldEndWith(": digests OK\n");
    }

    [Test]
    public void Verify_names_the_payload_digest_when_only_compressed_bytes_change()
    {
        var rpm = PackTwoFiles("gzip");
        // The gzip member header's OS byte (RFC 1952 §2.3) changes the stored bytes but not what they decompress to:
        // file digests and PAYLOADDIGESTALT still match, PAYLOADDIGEST (and MD5 over header + payload) do not.
        const int GzipOsOffset = 9;
        var payload = RpmLayout.PayloadOffset(rpm);
        PackageBytes.Modify(rpm, payload, 2, b => b.ShouldBe(new byte[] { 0x1f, 0x8b }, "gzip magic at the payload start"));
        PackageBytes.Modify(rpm, payload + GzipOsOffset, 1, b => b[0] ^= 1);

        VerifyFailsNaming(rpm, "payload digest (PAYLOADDIGEST)", "(and 1 more problem)");
        ToolRunner.RunChecked("sh", ["-c", "rpm2cpio \"$1\" | cpio -t", "sh", rpm]).StdErr.ShouldNotContain("error");
    }

    [Test]
    public void Inspect_and_verify_of_a_truncated_package_fail_with_one_line()
    {
        var rpm = PackTwoFiles("xz");
        var bytes = File.ReadAllBytes(rpm);
        File.WriteAllBytes(rpm, bytes[..(bytes.Length / 2)]);

        foreach (var command in new[] { "inspect", "verify" })
        {
            var r = PkgifyCli.Run(command, rpm);
            r.ExitCode.ShouldBe(1, command);
            r.StdErr.Trim().Split('\n').Length.ShouldBe(1, r.StdErr);
            r.StdErr.ShouldNotContain("   at ");
        }
    }

    private string PackTwoFiles(string compression)
    {
        var tree = _tmp.Path("two");
        Directory.CreateDirectory(tree);
        File.WriteAllText(Path.Combine(tree, "a.txt"), "AAAAAAAAAAAAAAAA");
        File.WriteAllText(Path.Combine(tree, "b.txt"), "BBBBBBBBBBBBBBBB");
        PkgifyCli.RunChecked("pack", tree, "--name", "demo", "--version", "1", "-f", "rpm", "--compression", compression,
            "--summary", "Two files", "-o", _tmp.Path("out-two"));
        return Directory.GetFiles(_tmp.Path("out-two"), "*.rpm").Single();
    }

    private static string[] Strings(JsonElement json, string property) =>
        json.GetProperty(property).EnumerateArray().Select(e => e.GetString()!).ToArray();
}
