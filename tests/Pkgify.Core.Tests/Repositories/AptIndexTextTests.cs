using NUnit.Framework;
using Pkgify.Core.Repositories;
using Pkgify.Core.Repositories.Apt;
using Shouldly;

namespace Pkgify.Core.Tests.Repositories;

/// <summary>Byte-level vectors of the apt index texts (their acceptance by apt is proved in the CLI tests).</summary>
public class AptIndexTextTests
{
    private static readonly FileDigests Digests = new(1234, "md5hex", "sha256hex", "sha512hex");

    [Test]
    public void Release_lists_every_file_under_each_hash_sorted_with_sizes_in_16_columns()
    {
        var text = ReleaseFile.Build(
            [new("Suite", "stable"), new("Date", RepositoryDate.Format(1_700_000_000))],
            [new AptIndexFile("main/binary-amd64/Packages.xz", Digests with { Size = 7 }), new AptIndexFile("main/binary-amd64/Packages", Digests)]);
        text.ShouldBe("""
            Suite: stable
            Date: Tue, 14 Nov 2023 22:13:20 UTC
            MD5Sum:
             md5hex             1234 main/binary-amd64/Packages
             md5hex                7 main/binary-amd64/Packages.xz
            SHA256:
             sha256hex             1234 main/binary-amd64/Packages
             sha256hex                7 main/binary-amd64/Packages.xz
            SHA512:
             sha512hex             1234 main/binary-amd64/Packages
             sha512hex                7 main/binary-amd64/Packages.xz

            """.Replace("\r\n", "\n"));
        var entries = ReleaseEntries.Parse(text);
        entries.Count.ShouldBe(2);
        entries.Single(e => e.Path.EndsWith(".xz")).Hashes["SHA256"].ShouldBe("sha256hex");
    }

    [Test]
    public void A_stanza_keeps_control_fields_adds_repository_fields_and_ends_with_the_description()
    {
        var fields = new Dictionary<string, string>
        {
            ["Package"] = "hello", ["Version"] = "1:1.0-1", ["Architecture"] = "all",
            ["Description"] = "short\n long line\n .\n more", ["SHA256"] = "forged", ["Depends"] = "libc6",
        };
        var writer = new StringWriter { NewLine = "\n" };
        PackagesStanza.Write(writer, new AptPackage(fields, AptPoolLayout.PathFor(fields, "main"), Digests));
        writer.ToString().ShouldBe(
            "Package: hello\nVersion: 1:1.0-1\nArchitecture: all\nDepends: libc6\n"
            + "Filename: pool/main/h/hello/hello_1.0-1_all.deb\nSize: 1234\nMD5sum: md5hex\nSHA256: sha256hex\nSHA512: sha512hex\n"
            + "Description: short\n long line\n .\n more\n\n");
    }

    [TestCase("libfoo", null, "pool/main/libf/libfoo/libfoo_2.0-1_amd64.deb")]
    [TestCase("foo-utils", "foo (2.0-1)", "pool/main/f/foo/foo-utils_2.0-1_amd64.deb")]
    [TestCase("lib", null, "pool/main/l/lib/lib_2.0-1_amd64.deb")]
    public void Pool_paths_follow_Debian_layout(string name, string? source, string expected)
    {
        var fields = new Dictionary<string, string> { ["Package"] = name, ["Version"] = "3:2.0-1", ["Architecture"] = "amd64" };
        if (source is not null)
            fields["Source"] = source;
        AptPoolLayout.PathFor(fields, "main").ShouldBe(expected);
    }

    [TestCase("Package", "../../etc")]
    [TestCase("Version", "1.0/../../x")]
    [TestCase("Architecture", "amd64 evil")]
    [TestCase("Source", "../x")]
    public void Fields_that_would_escape_the_pool_are_refused(string field, string value)
    {
        var fields = new Dictionary<string, string> { ["Package"] = "hello", ["Version"] = "1.0", ["Architecture"] = "all", [field] = value };
        AptNames.ProblemWithPackage(fields).ShouldNotBeNull();
    }
}
