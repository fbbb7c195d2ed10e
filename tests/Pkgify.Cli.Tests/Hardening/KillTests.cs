using System.Diagnostics;
using System.Security.Cryptography;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Issue 8 item 2: `pkgify pack` killed with SIGKILL at random points never leaves a file at the final name that
/// dpkg-deb refuses; the good package already there stays byte-identical (or, when the run got past its rename,
/// is the complete new package); and the next run removes the temp files killed runs left.
/// </summary>
[NonParallelizable]
public class KillTests
{
    private const int Kills = 10;
    private const long TreeBytes = 200L << 20;
    private const string FileName = "killme_1.0-1_all.deb";

    private TempDir _tmp = null!;

    [SetUp]
    public void SetUp() => _tmp = new TempDir("kill");

    [TearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void A_killed_pack_leaves_the_previous_package_or_the_complete_new_one_and_the_next_run_cleans_up()
    {
        ToolRunner.Require("dpkg-deb");
        var small = _tmp.Path("small");
        Directory.CreateDirectory(small);
        File.WriteAllText(Path.Combine(small, "hello.txt"), "the previous good package\n");
        var big = _tmp.Path("big");
        BigTree.Create(big, TreeBytes, seed: 8);
        var output = _tmp.Path("out");

        PkgifyCli.RunChecked(Pack(small, output));
        var final = Path.Combine(output, FileName);
        var good = File.ReadAllBytes(final);

        // The run being killed, done once in full elsewhere: its duration spreads the kill points, its bytes are
        // what a run that got past its rename leaves.
        var clock = Stopwatch.StartNew();
        PkgifyCli.RunChecked(Pack(big, _tmp.Path("reference")));
        var duration = clock.Elapsed;
        var complete = Sha256(Path.Combine(_tmp.Path("reference"), FileName));
        TestContext.Out.WriteLine($"a full pack of {TreeBytes >> 20} MiB takes {duration.TotalSeconds:F1} s");

        var rng = new Random(1234);
        int untouched = 0, completed = 0, leftTemps = 0;
        for (var i = 0; i < Kills; i++)
        {
            // Inside the run as timed once; a loaded machine may still finish early: both outcomes must leave a sound file.
            var delay = TimeSpan.FromSeconds(duration.TotalSeconds * (0.05 + (0.75 * rng.NextDouble())));
            int pid;
            using (var process = PkgifyCli.Start(Pack(big, output)))
            {
                pid = process.Id;
                Thread.Sleep(delay);
                process.Kill(); // SIGKILL on Unix
                process.WaitForExit();
            }

            File.Exists(final).ShouldBeTrue($"kill {i} after {delay.TotalSeconds:F2} s: the final name vanished");
            ToolRunner.RunChecked("dpkg-deb", ["--info", final]);
            var sha = Sha256(final);
            if (sha == complete)
            {
                completed++;
                File.WriteAllBytes(final, good); // put the old package back, so the next kill tests "untouched" again
            }
            else
            {
                File.ReadAllBytes(final).ShouldBe(good, $"kill {i} after {delay.TotalSeconds:F2} s: the previous package changed");
                untouched++;
            }
            var temps = Temps(output);
            leftTemps += temps.Length > 0 ? 1 : 0;
            // A run that got as far as writing removed what earlier killed runs left: only its own temps remain.
            if (temps.Any(t => OfProcess(t, pid)))
                temps.ShouldAllBe(t => OfProcess(t, pid), $"kill {i}: temp files of earlier runs were not removed");
            TestContext.Out.WriteLine($"kill {i} after {delay.TotalSeconds:F2} s: {(sha == complete ? "run had completed" : "previous package intact")}, temp files left: {string.Join(", ", temps)}");
        }

        TestContext.Out.WriteLine($"{Kills} kills: {untouched} left the previous package intact, {completed} came after the rename, {leftTemps} left temp files");
        untouched.ShouldBeGreaterThanOrEqualTo(3, "kills must land while the package is being written");
        leftTemps.ShouldBeGreaterThan(0, "no kill landed while temp files existed: the test did not interrupt a write");

        PkgifyCli.RunChecked(Pack(big, output));
        Temps(output).ShouldBeEmpty("the next run removes what killed runs left");
        Directory.GetFileSystemEntries(output).Select(Path.GetFileName).ShouldBe([FileName]);
        Sha256(final).ShouldBe(complete);
    }

    private static string[] Pack(string tree, string output) =>
        ["pack", tree, "--name", "killme", "--version", "1.0", "-f", "deb", "--compression", "gzip", "-o", output, "--source-date-epoch", "1700000000"];

    private static string[] Temps(string dir) =>
        Directory.GetFiles(dir).Select(f => Path.GetFileName(f)!).Where(n => n != FileName).Order(StringComparer.Ordinal).ToArray();

    private static bool OfProcess(string tempName, int pid) =>
        tempName == $".{FileName}.pkgify-tmp-{pid}" || tempName.StartsWith($".{FileName}.pkgify-tmp-{pid}-", StringComparison.Ordinal);

    private static string Sha256(string path)
    {
        using var f = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(f));
    }
}
