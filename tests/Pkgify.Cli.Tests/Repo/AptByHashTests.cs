using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.Core.Repositories.Apt;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Repo;

/// <summary>
/// `pkgify repo apt` with Acquire-By-Hash (formats.md §3.5), proved by apt-get itself: it fetches the indexes by
/// hash, a client holding the InRelease of an earlier publish still updates, and the by-hash files of the last
/// three generations stay while older ones go.
/// </summary>
[NonParallelizable]
public class AptByHashTests
{
    private const string Epoch = "1700000000";

    /// <summary>The generations docs/signing-and-repositories.md promises to keep (ByHashGenerations.Kept).</summary>
    private const int Kept = 3;
    private static readonly string[] SignedFiles = ["InRelease", "Release", "Release.gpg"];

    private GpgTestKey _key = null!;
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKey() => _key = GpgTestKeys.Create(GpgTestKeyKind.Ed25519);

    [OneTimeTearDown]
    public void DisposeKey() => _key.Dispose();

    [SetUp]
    public void SetUp() => _tmp = new TempDir("apt-by-hash");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    private string Repo => _tmp.Path("repo");

    private string Dist => Path.Combine(Repo, "dists/stable");

    private string Binary => Path.Combine(Dist, "main/binary-amd64");

    /// <summary>Adds <paramref name="packages"/> (name, version) to the repository and publishes it.</summary>
    private void Publish(params (string Name, string Version)[] packages)
    {
        Directory.CreateDirectory(Repo);
        foreach (var (name, version) in packages)
            DebFixture.Build(Repo, name, version);
        PkgifyCli.RunChecked("repo", "apt", Repo, "--sign-key", _key.SecretKeyPath, "--source-date-epoch", Epoch, "--arch", "amd64");
    }

    private AptSandbox Client() => new(new TempDir("apt-client"), Repo, "stable", "main", _key.PublicKeyPath);

    private static void ShouldUpdate(AptSandbox apt)
    {
        var update = apt.AptGet("update");
        update.ExitCode.ShouldBe(0, update.StdOut + update.StdErr);
        update.StdErr.ShouldNotContain("W:");
        update.StdErr.ShouldNotContain("E:");
    }

    /// <summary>The by-hash paths (relative to dists/stable/) that the signed text of <paramref name="inRelease"/> names.</summary>
    private static List<string> Named(string inRelease) =>
        ByHashGenerations.Referenced(Pkgify.Formats.OpenPgp.OpenPgpCleartextReader.Read(inRelease).Text).ToList();

    [Test]
    public void Apt_get_updates_and_installs_with_only_the_by_hash_copies_of_the_indexes()
    {
        Publish(("hello-repo", "1.0-1"));
        File.ReadAllText(Path.Combine(Dist, "InRelease")).ShouldContain("\nAcquire-By-Hash: yes\n");
        // Only the by-hash names are left: whatever apt fetches, it fetches by hash (formats.md §3.5 [lab]).
        foreach (var name in new[] { "Packages", "Packages.gz", "Packages.xz" })
            File.Move(Path.Combine(Binary, name), _tmp.Path(name));

        var apt = Client();
        ShouldUpdate(apt);
        apt.AptCache("madison", "hello-repo").StdOut.ShouldContain("1.0-1");
        var install = apt.AptGet("install", "-y", "--no-install-recommends", "hello-repo");
        install.ExitCode.ShouldBe(0, install.StdErr + install.StdOut);
        apt.InstalledVersion("hello-repo").ShouldBe("1.0-1");

        // The control: without its by-hash copies the same repository does not update.
        Directory.Move(Path.Combine(Binary, "by-hash"), _tmp.Path("by-hash"));
        var without = Client().AptGet("update");
        (without.ExitCode != 0 || without.StdErr.Contains("E:", StringComparison.Ordinal)).ShouldBeTrue(without.StdOut + without.StdErr);
    }

    [Test]
    public void A_client_holding_the_previous_InRelease_still_updates_to_the_indexes_it_names()
    {
        Publish(("hello-repo", "1.0-1"));
        var previous = _tmp.Path("previous");
        Directory.CreateDirectory(previous);
        foreach (var name in SignedFiles)
            File.Copy(Path.Combine(Dist, name), Path.Combine(previous, name));

        Publish(("other-repo", "2.0-1"));
        File.ReadAllText(Path.Combine(Binary, "Packages")).ShouldContain("Package: other-repo\n");
        // The client read InRelease just before the second publish and fetches its indexes after it: the same
        // view as the old signed files in place over the new indexes.
        foreach (var name in SignedFiles)
            File.Copy(Path.Combine(previous, name), Path.Combine(Dist, name), overwrite: true);

        var apt = Client();
        ShouldUpdate(apt);
        apt.AptCache("madison", "hello-repo").StdOut.ShouldContain("1.0-1");
        apt.AptCache("madison", "other-repo").StdOut.ShouldNotContain("2.0-1", customMessage: "the old InRelease's index has no other-repo");

        // The control: the plain names hold the new indexes, so without the old by-hash files the old InRelease fails.
        foreach (var path in Named(File.ReadAllText(Path.Combine(previous, "InRelease"))))
            File.Delete(Path.Combine(Dist, path));
        var stale = Client().AptGet("update");
        (stale.StdOut + stale.StdErr).ShouldContain("Hash Sum mismatch");
    }

    [Test]
    public void The_last_generations_keep_their_by_hash_files_and_the_one_before_them_loses_them()
    {
        var named = new List<List<string>>();
        for (var g = 1; g <= Kept + 1; g++)
        {
            Publish(($"package-{g}", "1.0-1"));
            named.Add(Named(File.ReadAllText(Path.Combine(Dist, "InRelease"))));
            // A byte-identical re-publish is not a generation: it must not push an older one out.
            PkgifyCli.RunChecked("repo", "apt", Repo, "--sign-key", _key.SecretKeyPath, "--source-date-epoch", Epoch, "--arch", "amd64");
            Named(File.ReadAllText(Path.Combine(Dist, "InRelease"))).ShouldBe(named[^1]);
        }

        named[0].Count.ShouldBe(6, "Packages, .gz and .xz, each under SHA256 and SHA512");
        foreach (var path in named[0])
            File.Exists(Path.Combine(Dist, path)).ShouldBeFalse($"{path}: generation 1 of {named.Count}");
        foreach (var (generation, index) in named.Skip(1).Select((g, i) => (g, i + 2)))
            foreach (var path in generation)
                File.Exists(Path.Combine(Dist, path)).ShouldBeTrue($"{path}: generation {index} of {named.Count}");
        // Nothing else lingers in the by-hash directories.
        Directory.GetFiles(Path.Combine(Binary, "by-hash"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Dist, f)).Order(StringComparer.Ordinal)
            .ShouldBe(named.Skip(1).SelectMany(g => g).Distinct().Order(StringComparer.Ordinal));

        var verify = PkgifyCli.Run("verify", "--repo", Repo, "--key", _key.PublicKeyPath);
        verify.ExitCode.ShouldBe(0, verify.StdOut + verify.StdErr);
        ShouldUpdate(Client());
    }
}
