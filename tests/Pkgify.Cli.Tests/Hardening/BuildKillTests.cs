using System.Diagnostics;
using NUnit.Framework;
using Pkgify.Cli.Tests.Support;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Hardening;

/// <summary>
/// Issue 8 item 2 for `pkgify build`: besides the packages, a build writes two caches (the relocated venv and
/// the compressed venv segments). Killed with SIGKILL at random points — while pip runs, while the venv is
/// renamed into the cache, while a segment is compressed or stored — it never leaves a package at a final name
/// that dpkg-deb or rpmkeys refuses, and whatever the killed runs left in the cache, the next complete build
/// gives packages byte-identical to a build with a clean cache.
/// </summary>
[NonParallelizable]
public class BuildKillTests
{
    private const int Kills = 6;

    [Test]
    public void A_killed_build_never_leaves_a_bad_package_or_a_cache_that_changes_the_next_build()
    {
        using var project = new HelloWsgiProject(port: 18_471);
        var clean = Path.Combine(project.Root, "clean-cache");
        var shared = Path.Combine(project.Root, "killed-cache");

        var clock = Stopwatch.StartNew();
        var reference = Build(project, clean, Path.Combine(project.Root, "reference"));
        var coldDuration = clock.Elapsed;
        TestContext.Out.WriteLine($"a cold build takes {coldDuration.TotalSeconds:F1} s");

        var output = Path.Combine(project.Root, "out");
        // Increasing delays: as long as no killed run got its venv into the cache, each run starts cold again and
        // is killed further along (pip, relocation, the cache rename, compression, segment store, the rename).
        var rng = new Random(4711);
        var delays = Enumerable.Range(0, Kills).Select(_ => coldDuration.TotalSeconds * (0.05 + (0.9 * rng.NextDouble()))).Order().ToList();
        for (var i = 0; i < Kills; i++)
        {
            var delay = TimeSpan.FromSeconds(delays[i]);
            using (var process = PkgifyCli.Start(Args(project, output), Env(shared)))
            {
                Thread.Sleep(delay);
                process.Kill(entireProcessTree: true); // SIGKILL, pip and python included
                process.WaitForExit();
            }
            var finals = FinalPackages(output);
            foreach (var package in finals)
                CheckSound(package);
            TestContext.Out.WriteLine($"kill {i} after {delay.TotalSeconds:F1} s: final packages {string.Join(", ", finals.Select(Path.GetFileName))}");
        }

        var after = Build(project, shared, output);
        after.Select(Path.GetFileName).ShouldBe(reference.Select(Path.GetFileName));
        foreach (var (built, expected) in after.Zip(reference))
            File.ReadAllBytes(built).ShouldBe(File.ReadAllBytes(expected), $"{Path.GetFileName(built)} differs from a clean-cache build");
        Directory.GetFileSystemEntries(output).Select(Path.GetFileName).Order(StringComparer.Ordinal)
            .ShouldBe(reference.Select(Path.GetFileName), "the complete run removes the temp files killed runs left");
    }

    private static string[] Build(HelloWsgiProject project, string cache, string output)
    {
        var r = PkgifyCli.Run(Args(project, output), Env(cache));
        r.ExitCode.ShouldBe(0, r.StdErr);
        return FinalPackages(output);
    }

    private static string[] Args(HelloWsgiProject project, string output) =>
        ["build", project.Dir, "-o", output, "--source-date-epoch", "1700000000", "-q"];

    private static Dictionary<string, string> Env(string cache) => new() { ["PKGIFY_CACHE_DIR"] = cache };

    private static string[] FinalPackages(string dir) =>
        !Directory.Exists(dir) ? [] : Directory.GetFiles(dir)
            .Where(f => !Path.GetFileName(f).StartsWith('.') && (f.EndsWith(".deb", StringComparison.Ordinal) || f.EndsWith(".rpm", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal).ToArray();

    private static void CheckSound(string package)
    {
        if (package.EndsWith(".deb", StringComparison.Ordinal))
            ToolRunner.RunChecked("dpkg-deb", ["--info", package]);
        else
            ToolRunner.RunChecked("rpmkeys", ["-K", package]);
    }
}
