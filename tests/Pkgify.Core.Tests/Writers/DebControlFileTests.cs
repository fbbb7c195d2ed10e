using System.Collections.Immutable;
using NUnit.Framework;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Relations;
using Pkgify.Core.Writers.Deb;
using Shouldly;

namespace Pkgify.Core.Tests.Writers;

public class DebControlFileTests
{
    private static PackageModel Model(PackageMetadata meta, RelationSet? relations = null)
    {
        var draft = new PackageDraft { Name = "ledger", Version = "1.4.2rc1", Release = "2", Metadata = meta, SourceDateEpoch = 1_700_000_000 };
        draft.Files.Add(new PackageFile("/opt/ledger/x", FileKind.Regular, 0x1A4, 1, 3, GeneratedFileSource.FromText("abc")));
        draft.Deb = FamilyParts.Empty with { Relations = relations ?? RelationSet.Empty };
        return PackageNormalizer.Normalize(draft);
    }

    [Test]
    public void Renders_the_stanza_with_relations_and_a_folded_description()
    {
        var relations = RelationSet.Empty
            .With(RelationKind.Depends, RelationParser.Parse("python3.11", "t"))
            .With(RelationKind.Depends, RelationParser.Parse("libpq5 (>= 15) | libpq-alt", "t"))
            .With(RelationKind.Conflicts, RelationParser.Parse("ledger-old", "t"));
        var meta = new PackageMetadata("Ledger web service", "Longer text,\nseveral lines.\n\n  verbatim line\n", "Ops Team <ops@example.com>",
            License: "MIT", Homepage: "https://example.com/ledger", Section: "web");

        var text = DebControlFile.Render(Model(meta, relations), 42);

        text.ShouldBe(Approved("control-ledger.txt"));
    }

    [Test]
    public void A_summary_with_a_newline_cannot_start_a_new_field()
    {
        var meta = new PackageMetadata("x", "", "Ops <o@e.com>", Homepage: "https://e.com\nDepends: evil");
        Should.Throw<UsageException>(() => DebControlFile.Render(Model(meta), 1)).Message.ShouldStartWith("homepage:");
    }

    [Test]
    public void Installed_size_counts_like_dpkg_gencontrol()
    {
        // formats.md §1.6: 8 dirs (root included) + 3 small files + a 2049-byte file counted once for its hardlink + a symlink = 15.
        var files = new List<PackageFile>();
        foreach (var d in new[] { "/a", "/a/b", "/a/c", "/a/c/d", "/e", "/e/f", "/e/g" })
            files.Add(new PackageFile(d, FileKind.Directory, 0x1ED, 1));
        foreach (var f in new[] { "/a/1", "/a/2", "/a/3" })
            files.Add(new PackageFile(f, FileKind.Regular, 0x1A4, 1, 10));
        files.Add(new PackageFile("/e/big", FileKind.Regular, 0x1A4, 1, 2049));
        files.Add(new PackageFile("/e/big2", FileKind.Hardlink, 0x1A4, 1, 2049, LinkTarget: "/e/big"));
        files.Add(new PackageFile("/e/l", FileKind.Symlink, 0x1FF, 1, 4, LinkTarget: "big2"));
        InstalledSize.KiB(files).ShouldBe(15);
    }

    private static string Approved(string name) =>
        File.ReadAllText(Path.Combine(TestContext.CurrentContext.TestDirectory, "..", "..", "..", "Writers", "approved", name));
}
