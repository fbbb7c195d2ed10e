using System.Diagnostics;
using NUnit.Framework;
using Pkgify.Core.Build;
using Pkgify.Core.Output;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Output;

/// <summary>Leftovers of killed runs are removed by the next run; the work of a run still going is not.</summary>
public class StaleTempsTests
{
    private const string Target = "demo_1.0-1_all.deb";

    [Test]
    public void Temps_of_dead_processes_and_our_own_go_those_of_live_processes_stay()
    {
        using var tmp = new TempDir("stale");
        var dead = DeadPid();
        var prefix = AtomicFile.TempPrefix(Target);
        string[] leftovers = [$"{prefix}{dead}", $"{prefix}{dead}-data.tar", $"{prefix}{Environment.ProcessId}"];
        // PID 1 always runs: a concurrent pkgify writing the same target must keep its files.
        string[] kept = [$"{prefix}1", $"{prefix}1-data.tar", $"{prefix}notapid", $".other.deb.pkgify-tmp-{dead}", Target];
        foreach (var name in leftovers.Concat(kept))
            File.WriteAllText(tmp.Path(name), "x");

        AtomicFile.Write(tmp.Path(Target), (stream, _) => stream.Write("new"u8));

        Directory.GetFiles(tmp.Root).Select(Path.GetFileName).Order(StringComparer.Ordinal).ShouldBe(kept.Order(StringComparer.Ordinal));
        File.ReadAllText(tmp.Path(Target)).ShouldBe("new");
    }

    [Test]
    public void A_venv_cache_entry_left_half_built_by_a_killed_build_is_removed_by_the_next_build_of_it()
    {
        using var tmp = new TempDir("stale-cache");
        var cache = new VenvCache(tmp.Path("venvs"));
        var dead = DeadPid();
        var stale = tmp.Path("venvs", $".k1.building-{dead}", "venv");
        var live = tmp.Path("venvs", ".k1.building-1", "venv");
        Directory.CreateDirectory(stale);
        Directory.CreateDirectory(live);

        var (dir, reused) = cache.GetOrBuild("k1", d => Directory.CreateDirectory(d));

        reused.ShouldBeFalse();
        Directory.Exists(dir).ShouldBeTrue();
        Directory.Exists(Path.GetDirectoryName(stale)).ShouldBeFalse();
        Directory.Exists(live).ShouldBeTrue();
    }

    private static int DeadPid()
    {
        using var p = Process.Start("true")!;
        p.WaitForExit();
        return p.Id;
    }
}
