using System.Security.Cryptography;
using System.Text;
using NUnit.Framework;
using Pkgify.Core.Repositories;
using Pkgify.Core.Repositories.Apt;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Repositories;

/// <summary>
/// The by-hash layout (formats.md §3.5) byte by byte: names, the copies beside each index, the generation record
/// and what pruning keeps. apt-get's acceptance of it is proved in Pkgify.Cli.Tests (AptByHashTests).
/// </summary>
public class AptByHashTests
{
    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("apt-by-hash");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private string Dist => _tmp.Path("dists", "stable");

    [Test]
    public void A_by_hash_name_sits_beside_its_index_under_the_hash_name()
    {
        ByHashLayout.PathFor("main/binary-amd64/Packages.xz", "SHA256", "00ff").ShouldBe("main/binary-amd64/by-hash/SHA256/00ff");
        ByHashLayout.PathFor("updates/main/binary-arm64/Packages", "SHA512", "ab").ShouldBe("updates/main/binary-arm64/by-hash/SHA512/ab");
        var file = new AptIndexFile("main/binary-amd64/Packages", new FileDigests(1, "m", "s256", "s512"));
        ByHashLayout.PathsFor(file).ShouldBe([
            ("main/binary-amd64/by-hash/SHA256/s256", "s256"),
            ("main/binary-amd64/by-hash/SHA512/s512", "s512"),
        ]);
    }

    [TestCase("Acquire-By-Hash: yes\n", true)]
    [TestCase("Suite: s\nacquire-by-hash: Yes\nSHA256:\n", true)]
    [TestCase("Acquire-By-Hash: no\n", false)]
    [TestCase("Suite: stable\nSHA256:\n", false)]
    public void Release_turns_by_hash_on_with_a_true_field(string release, bool expected) =>
        ByHashLayout.IsEnabled(release).ShouldBe(expected);

    [Test]
    public void Placing_links_both_names_to_the_index_leaves_an_intact_one_alone_and_replaces_a_damaged_one()
    {
        var (index, source) = WriteIndex("main/binary-amd64/Packages", "Package: a\n\n");
        ByHashWriter.Place(Dist, index, source);
        var sha256 = Path.Combine(Dist, "main/binary-amd64/by-hash/SHA256", index.Digests.Sha256);
        var sha512 = Path.Combine(Dist, "main/binary-amd64/by-hash/SHA512", index.Digests.Sha512);
        File.ReadAllText(sha256).ShouldBe("Package: a\n\n");
        File.ReadAllText(sha512).ShouldBe("Package: a\n\n");
        // stat(1): the same inode, three names (no space spent on copies).
        Stat("%h %i", sha256).ShouldBe(Stat("%h %i", source));
        Stat("%h", source).ShouldBe("3");

        // Already there with these bytes (a copy of its own, as a copying mirror leaves it): untouched.
        File.Delete(sha256);
        File.Copy(source, sha256);
        var copy = Stat("%i", sha256);
        ByHashWriter.Place(Dist, index, source);
        Stat("%h %i", sha256).ShouldBe("1 " + copy);

        // A damaged name (another file, so the index itself keeps its bytes) is replaced.
        File.Delete(sha512);
        File.WriteAllText(sha512, "Package: b\n\n");
        ByHashWriter.Place(Dist, index, source);
        File.ReadAllText(sha512).ShouldBe("Package: a\n\n");
        Directory.GetFiles(Dist, "*pkgify-tmp*", SearchOption.AllDirectories).ShouldBeEmpty();
    }

    [Test]
    public void The_record_keeps_the_last_generations_newest_first_and_skips_a_repeated_one()
    {
        Directory.CreateDirectory(Dist);
        var record = ByHashGenerations.Load(Dist);
        record.Generations.ShouldBeEmpty();
        for (var g = 1; g <= ByHashGenerations.Kept + 1; g++)
        {
            record.Add([$"main/binary-amd64/by-hash/SHA256/{g}b", $"main/binary-amd64/by-hash/SHA256/{g}a"]);
            record.Add([$"main/binary-amd64/by-hash/SHA256/{g}a", $"main/binary-amd64/by-hash/SHA256/{g}b"]);
        }

        record.Save(Dist);
        File.ReadAllText(Path.Combine(Dist, ByHashGenerations.StateName)).ShouldBe(
            "# pkgify repo apt: by-hash files of the last Release generations, newest first, a blank line between generations\n"
            + "\nmain/binary-amd64/by-hash/SHA256/4a\nmain/binary-amd64/by-hash/SHA256/4b\n"
            + "\nmain/binary-amd64/by-hash/SHA256/3a\nmain/binary-amd64/by-hash/SHA256/3b\n"
            + "\nmain/binary-amd64/by-hash/SHA256/2a\nmain/binary-amd64/by-hash/SHA256/2b\n");
        ByHashGenerations.Load(Dist).Generations.Select(g => g.Min()).ShouldBe([
            "main/binary-amd64/by-hash/SHA256/4a", "main/binary-amd64/by-hash/SHA256/3a", "main/binary-amd64/by-hash/SHA256/2a",
        ]);
    }

    [Test]
    public void Loading_puts_what_the_Release_on_disk_names_first_even_without_a_record()
    {
        var (first, _) = WriteIndex("main/binary-amd64/Packages", "Package: a\n\n");
        File.WriteAllText(Path.Combine(Dist, "Release"), ReleaseFile.Build([new("Acquire-By-Hash", "yes")], [first]));
        var record = ByHashGenerations.Load(Dist);
        record.Generations.Count.ShouldBe(1);
        record.Generations[0].ShouldBe(ByHashLayout.PathsFor(first).Select(p => p.Path).Order(StringComparer.Ordinal));
    }

    [Test]
    public void Pruning_deletes_only_what_no_kept_generation_names_and_the_directories_it_empties()
    {
        var (kept, keptSource) = WriteIndex("main/binary-amd64/Packages", "Package: new\n\n");
        var (old, oldSource) = WriteIndex("main/binary-amd64/Packages.gz", "Package: old\n\n");
        var (gone, goneSource) = WriteIndex("main/binary-arm64/Packages", "Package: arm\n\n");
        foreach (var (file, source) in new[] { (kept, keptSource), (old, oldSource), (gone, goneSource) })
            ByHashWriter.Place(Dist, file, source);
        File.Delete(goneSource);
        // A temp file a killed run left (its process id is not running).
        var leftover = Path.Combine(Dist, "main/binary-amd64/by-hash/SHA256", ByHashWriter.TempPrefix + int.MaxValue);
        File.WriteAllText(leftover, "x");

        var record = ByHashGenerations.Load(Dist);
        record.Add(ByHashLayout.PathsFor(kept).Select(p => p.Path));
        record.RemoveUnreferenced(Dist);

        var left = Directory.GetFiles(Dist, "*", SearchOption.AllDirectories).Select(f => RepositoryFiles.Relative(Dist, f)).Order(StringComparer.Ordinal);
        left.ShouldBe(new[] { "main/binary-amd64/Packages", "main/binary-amd64/Packages.gz" }
            .Concat(ByHashLayout.PathsFor(kept).Select(p => p.Path)).Order(StringComparer.Ordinal));
        Directory.Exists(Path.Combine(Dist, "main/binary-arm64")).ShouldBeFalse("an architecture whose last by-hash file went");
    }

    [Test]
    public void Pruning_leaves_a_distribution_nested_below_alone()
    {
        var (nested, source) = WriteIndex("updates/main/binary-amd64/Packages", "Package: n\n\n");
        ByHashWriter.Place(Dist, nested, source);
        File.WriteAllText(Path.Combine(Dist, "updates", "Release"), "Suite: stable/updates\n");
        var record = ByHashGenerations.Load(Dist);
        record.Add(["main/binary-amd64/by-hash/SHA256/00"]);
        record.RemoveUnreferenced(Dist);
        foreach (var (path, _) in ByHashLayout.PathsFor(nested))
            File.Exists(Path.Combine(Dist, path)).ShouldBeTrue(path);
    }

    private (AptIndexFile Index, string Path) WriteIndex(string relative, string text)
    {
        var path = Path.Combine(Dist, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(text));
        var digests = FileDigests.Of(path);
        digests.Sha256.ShouldBe(Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path))));
        return (new AptIndexFile(relative, digests), path);
    }

    private static string Stat(string format, string path) =>
        Pkgify.TestSupport.ToolRunner.RunChecked("stat", ["-c", format, path]).StdOut.Trim();
}
