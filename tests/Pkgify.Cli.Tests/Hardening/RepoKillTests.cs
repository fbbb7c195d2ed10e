using System.Diagnostics;
using System.Xml.Linq;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Issue 6, atomic publishing: `pkgify repo apt|yum` killed with SIGKILL at increasing points while it refreshes a
/// published repository never leaves an index a client cannot read: every index under its final name decompresses
/// and parses, the signatures pass gpgv, `pkgify verify --repo` passes, and the signed index (InRelease,
/// repomd.xml) is the old one or the new one; a re-run afterwards gives the new repository.
/// </summary>
[NonParallelizable]
public class RepoKillTests
{
    private const int CoarseKills = 8;
    private const int Bisections = 8;
    private const int FineKills = 12;
    private static readonly TimeSpan FineStep = TimeSpan.FromMilliseconds(4);
    private const long PackageBytes = 40L << 20;
    private const string Epoch = "1700000000";

    private GpgTestKey _key = null!;
    private TempDir _tmp = null!;

    [OneTimeSetUp]
    public void CreateKey() => _key = GpgTestKeys.Create(GpgTestKeyKind.Rsa3072);

    [OneTimeTearDown]
    public void DisposeKey() => _key.Dispose();

    [SetUp]
    public void SetUp() => _tmp = new TempDir("repo-kill");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [TestCase("apt")]
    [TestCase("yum")]
    public void A_killed_repo_run_leaves_the_old_or_the_new_complete_indices_and_a_rerun_completes(string kind)
    {
        var format = kind == "apt" ? "deb" : "rpm";
        var incoming = _tmp.Path("incoming");
        var repo = _tmp.Path("repo");
        Directory.CreateDirectory(repo);

        // The old state: two packages published. The new state adds two more (and a new version of the first).
        AddPackages(incoming, repo, format, ("old-a", "1.0"), ("old-b", "1.0"));
        PkgifyCli.RunChecked(Publish(kind, repo));
        var oldSigned = SignedIndex(kind, repo);
        CheckComplete(kind, repo, "the first publication");
        AddPackages(incoming, repo, format, ("old-a", "2.0"), ("new-c", "1.0"), ("new-d", "1.0"));
        var pristine = _tmp.Path("pristine");
        CopyTree(repo, pristine);

        // The run being killed, done once in full on a copy: its duration spreads the kill points, its signed index
        // is the new state (every path in it is relative to the repository).
        var reference = _tmp.Path("reference");
        CopyTree(pristine, reference);
        var clock = Stopwatch.StartNew();
        PkgifyCli.RunChecked(Publish(kind, reference));
        var duration = clock.Elapsed;
        var newSigned = SignedIndex(kind, reference);
        newSigned.ShouldNotBe(oldSigned);
        TestContext.Out.WriteLine($"a full repo {kind} run takes {duration.TotalSeconds:F2} s");

        // Coarse kills at increasing points across the run, the last ones a little past it (a loaded machine runs slower).
        var outcomes = new List<(TimeSpan Delay, bool New)>();
        bool KillAt(TimeSpan delay)
        {
            var isNew = KillAndCheck(kind, pristine, repo, delay, oldSigned, newSigned);
            outcomes.Add((delay, isNew));
            return isNew;
        }

        for (var i = 0; i < CoarseKills; i++)
            KillAt(duration * (1.2 * (i + 0.5) / CoarseKills));

        // The indices change within milliseconds at the end of the run, where coarse kills rarely land: find by
        // bisection when the signed index flips from old to new, then kill densely just before and around it.
        var lastOld = outcomes.Where(o => !o.New).Select(o => o.Delay).DefaultIfEmpty(TimeSpan.Zero).Max();
        var firstNew = outcomes.Where(o => o.New).Select(o => o.Delay).DefaultIfEmpty(duration * 2).Min();
        for (var i = 0; i < Bisections && firstNew - lastOld > FineStep; i++)
        {
            var middle = (lastOld + firstNew) / 2;
            if (KillAt(middle))
                firstNew = middle;
            else
                lastOld = middle;
        }

        for (var i = 0; i < FineKills; i++)
            KillAt(lastOld - (FineStep * (FineKills / 2)) + (FineStep * i));

        var old = outcomes.Count(o => !o.New);
        TestContext.Out.WriteLine($"{outcomes.Count} kills: {old} left the old state, {outcomes.Count - old} the new one; flip between {lastOld.TotalSeconds:F3} and {firstNew.TotalSeconds:F3} s");
        old.ShouldBeGreaterThanOrEqualTo(CoarseKills / 2, "kills must land before the run completes");
        outcomes.Count(o => o.New).ShouldBeGreaterThan(0, "no kill came after the run's last rename: the kill points do not span the run");

        // A run killed midway: a re-run finishes the job and removes what the killed one left.
        KillAndCheck(kind, pristine, repo, duration * 0.6, oldSigned, newSigned);
        PkgifyCli.RunChecked(Publish(kind, repo));
        CheckComplete(kind, repo, "the re-run");
        SignedIndex(kind, repo).ShouldBe(newSigned);
        Directory.GetFiles(repo, "*pkgify-tmp*", SearchOption.AllDirectories).ShouldBeEmpty("the re-run removes what the killed run left");
    }

    /// <summary>Restores the repository, kills a refresh after <paramref name="delay"/>, checks it; true when it left the new state.</summary>
    private bool KillAndCheck(string kind, string pristine, string repo, TimeSpan delay, string oldSigned, string newSigned)
    {
        Directory.Delete(repo, recursive: true);
        CopyTree(pristine, repo);
        using (var process = PkgifyCli.Start(Publish(kind, repo)))
        {
            Thread.Sleep(delay);
            process.Kill(); // SIGKILL on Unix
            process.WaitForExit();
        }

        var context = $"kill after {delay.TotalSeconds:F3} s";
        CheckComplete(kind, repo, context);
        var signed = SignedIndex(kind, repo);
        (signed == oldSigned || signed == newSigned).ShouldBeTrue($"{context}: the signed index is neither the old nor the new one");
        TestContext.Out.WriteLine($"{context}: {(signed == oldSigned ? "old" : "new")} state");
        return signed == newSigned;
    }

    private string[] Publish(string kind, string repo) =>
        kind == "apt"
            ? ["repo", "apt", repo, "--sign-key", _key.SecretKeyPath, "--source-date-epoch", Epoch, "--arch", "amd64"]
            : ["repo", "yum", repo, "--sign-key", _key.SecretKeyPath, "--sign-packages", "--source-date-epoch", Epoch];

    /// <summary>Packs seeded random trees (uncompressed payloads, so indexing the packages takes a while) into <paramref name="repo"/>.</summary>
    private static void AddPackages(string incoming, string repo, string format, params (string Name, string Version)[] packages)
    {
        foreach (var (name, version) in packages)
        {
            var tree = Path.Combine(incoming, $"{name}-{version}");
            BigTree.Create(tree, PackageBytes, seed: (name + version).Sum(c => c));
            PkgifyCli.RunChecked("pack", tree, "--name", name, "--version", version, "-f", format, "--compression", "none",
                "-o", repo, "--source-date-epoch", Epoch);
        }
    }

    private static void CopyTree(string source, string destination) =>
        ToolRunner.RunChecked("cp", ["-a", source, destination]);

    /// <summary>The file whose signature vouches for everything else: InRelease or repomd.xml.</summary>
    private static string SignedIndex(string kind, string repo) =>
        File.ReadAllText(kind == "apt" ? Path.Combine(repo, "dists/stable/InRelease") : Path.Combine(repo, "repodata/repomd.xml"));

    private void CheckComplete(string kind, string repo, string context)
    {
        if (kind == "apt")
            CheckAptIndices(repo, context);
        else
            CheckYumIndices(repo, context);
        var verify = PkgifyCli.Run("verify", "--repo", repo, "--key", _key.PublicKeyPath);
        verify.ExitCode.ShouldBe(0, $"{context}: pkgify verify --repo\n{verify.StdOut}{verify.StdErr}");
    }

    private void CheckAptIndices(string repo, string context)
    {
        var dist = Path.Combine(repo, "dists/stable");
        Gpgv(context, Path.Combine(dist, "InRelease"));
        Gpgv(context, Path.Combine(dist, "Release.gpg"), Path.Combine(dist, "Release"));
        var binary = Path.Combine(dist, "main/binary-amd64");
        var plain = File.ReadAllText(Path.Combine(binary, "Packages"));
        StanzaCount(plain).ShouldBeGreaterThanOrEqualTo(2, $"{context}: Packages");
        // The compressed forms, as gzip and xz read them, are each a whole Packages index.
        foreach (var (file, tool) in new[] { ("Packages.gz", "gzip"), ("Packages.xz", "xz") })
        {
            var text = ToolRunner.RunChecked(tool, ["-dc", Path.Combine(binary, file)]).StdOut;
            StanzaCount(text).ShouldBeGreaterThanOrEqualTo(2, $"{context}: {file}");
            text.ShouldEndWith("\n", customMessage: $"{context}: {file} is cut short");
        }

        CheckByHash(dist, context);
    }

    /// <summary>
    /// Acquire-By-Hash (formats.md §3.5): apt fetches every index InRelease names by its hash, so each must be
    /// there under by-hash/SHA256 and by-hash/SHA512 with exactly those digests, whenever the run was killed.
    /// </summary>
    private static void CheckByHash(string dist, string context)
    {
        var inRelease = File.ReadAllText(Path.Combine(dist, "InRelease"));
        inRelease.ShouldContain("\nAcquire-By-Hash: yes\n", customMessage: context);
        string? list = null;
        var checkedCopies = 0;
        foreach (var line in inRelease[..inRelease.IndexOf("-----BEGIN PGP SIGNATURE-----", StringComparison.Ordinal)].Split('\n'))
        {
            if (!line.StartsWith(' '))
            {
                list = line.TrimEnd(':') is "SHA256" or "SHA512" ? line.TrimEnd(':') : null;
                continue;
            }

            if (list is null)
                continue;
            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var (hex, index) = (fields[0], fields[2]);
            var copy = Path.Combine(dist, Path.GetDirectoryName(index)!, "by-hash", list, hex);
            File.Exists(copy).ShouldBeTrue($"{context}: InRelease names {index}, but its by-hash copy {copy} is missing");
            var bytes = File.ReadAllBytes(copy);
            var actual = list == "SHA256" ? System.Security.Cryptography.SHA256.HashData(bytes) : System.Security.Cryptography.SHA512.HashData(bytes);
            Convert.ToHexStringLower(actual).ShouldBe(hex, $"{context}: {copy}");
            checkedCopies++;
        }

        checkedCopies.ShouldBe(6, $"{context}: Packages, .gz and .xz under two hashes");
    }

    private void CheckYumIndices(string repo, string context)
    {
        var repomd = Path.Combine(repo, "repodata/repomd.xml");
        Gpgv(context, repomd + ".asc", repomd);
        XNamespace ns = "http://linux.duke.edu/metadata/repo";
        var data = XDocument.Load(repomd).Root!.Elements(ns + "data").ToList();
        data.Count.ShouldBe(3, context);
        foreach (var entry in data)
        {
            var href = entry.Element(ns + "location")!.Attribute("href")!.Value;
            // gzip -dc reads the whole member and checks its CRC; the XML must then parse to its end.
            var xml = ToolRunner.RunChecked("gzip", ["-dc", Path.Combine(repo, href)]).StdOut;
            XDocument.Parse(xml).Root.ShouldNotBeNull($"{context}: {href}");
        }
    }

    private void Gpgv(string context, string signature, params string[] data)
    {
        var home = _tmp.Path("gpgv-home");
        Directory.CreateDirectory(home);
        var r = ToolRunner.Run("gpgv", ["--homedir", home, "--keyring", _key.PublicKeyPath, signature, .. data]);
        r.ExitCode.ShouldBe(0, $"{context}: gpgv {Path.GetFileName(signature)}\n{r.StdErr}");
    }

    private static int StanzaCount(string packages) =>
        packages.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Count(s => s.StartsWith("Package: ", StringComparison.Ordinal));
}
