using System.Diagnostics;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// The fuzz loop: case i mutates seed (i mod seeds) with a Random seeded from (run seed, i), so any case can be
/// replayed from the two numbers printed in the report; crashing and hanging samples are kept as regressions.
/// </summary>
public static class FuzzRunner
{
    private const int CaseSeedMultiplier = 1_000_003;

    public static FuzzReport Run(IPackageMutator mutator, IReadOnlyList<FuzzSeed> seeds, int cases, int runSeed, string workDir)
    {
        var report = new FuzzReport { Format = mutator.Format, RunSeed = runSeed };
        var total = Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var seed = seeds[i % seeds.Count];
            var mutation = mutator.Mutate(seed.Bytes, CaseRandom(runSeed, i));
            var path = Path.Combine(workDir, $"case-{i}.{mutator.Format}");
            File.WriteAllBytes(path, mutation.Bytes);
            var (outcome, detail, elapsed) = PackageExercise.Run(path);
            Record(report, i, seed, mutation, outcome, detail, elapsed);
            // A hung case may still be reading its file; leave it.
            if (outcome != CaseOutcome.Hang)
                File.Delete(path);
        }
        report.Total = total.Elapsed;
        return report;
    }

    public static Random CaseRandom(int runSeed, int index) => new(unchecked((runSeed * CaseSeedMultiplier) + index));

    private static void Record(FuzzReport report, int index, FuzzSeed seed, Mutation mutation, CaseOutcome outcome, string detail, TimeSpan elapsed)
    {
        report.Cases++;
        report.Kinds[mutation.Kind] = report.Kinds.GetValueOrDefault(mutation.Kind) + 1;
        if (elapsed > report.MaxCaseTime)
        {
            report.MaxCaseTime = elapsed;
            report.SlowestCase = $"case {index}, {seed.Name}: {mutation.Description}";
        }
        switch (outcome)
        {
            case CaseOutcome.Accepted:
                report.Accepted++;
                return;
            case CaseOutcome.Rejected:
                report.Rejected++;
                return;
        }
        var note = $"{outcome} in fuzz run seed {report.RunSeed}, case {index}, seed package {seed.Name}\nmutation ({mutation.Kind}): {mutation.Description}\n{detail}";
        var sample = RegressionSamples.Keep(report.Format, mutation, note);
        var finding = new FuzzFinding(index, seed.Name, mutation, outcome, detail, sample);
        (outcome == CaseOutcome.Crash ? report.Crashes : report.Hangs).Add(finding);
    }
}
