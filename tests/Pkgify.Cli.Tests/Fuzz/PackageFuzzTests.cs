using NUnit.Framework;
using Pkgify.Core.Reading;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Issue 8 item 6, per format: thousands of mutated packages through inspect and verify, each under a time bound;
/// no exception but the one-line BuildException, no hang. Samples that ever failed are replayed forever, and a
/// few hundred cases go through the real CLI to prove exit 1 with one line on stderr.
/// </summary>
[NonParallelizable]
public abstract class PackageFuzzTests
{
    private const int CliCases = 300;
    private TempDir _tmp = null!;
    private IReadOnlyList<FuzzSeed> _seeds = null!;

    protected abstract IPackageMutator Mutator { get; }

    /// <summary>The mutation families the mutator has; each must occur in a run.</summary>
    protected abstract IReadOnlyList<string> MutationKinds { get; }

    protected abstract IReadOnlyList<FuzzSeed> CreateSeeds(TempDir tmp);

    private string Format => Mutator.Format;

    [OneTimeSetUp]
    public void MakeSeeds()
    {
        _tmp = new TempDir("fuzz-" + Format);
        _seeds = CreateSeeds(_tmp);
    }

    [OneTimeTearDown]
    public void TearDown() => _tmp.Dispose();

    [Test]
    public void The_seeds_are_sound_packages()
    {
        foreach (var seed in _seeds)
        {
            var path = _tmp.Path($"{seed.Name}.{Format}");
            File.WriteAllBytes(path, seed.Bytes);
            PackageFiles.Inspect(path).Files.ShouldNotBeEmpty(seed.Name);
            PackageFiles.Verify(path).ShouldBeEmpty(seed.Name);
        }
    }

    [Test]
    public void Mutated_packages_never_crash_or_hang_inspect_or_verify()
    {
        var work = _tmp.Path("cases");
        Directory.CreateDirectory(work);
        var report = FuzzRunner.Run(Mutator, _seeds, FuzzSettings.Cases, FuzzSettings.RunSeed, work);
        TestContext.Out.WriteLine(report.ToString());
        foreach (var f in report.Crashes.Concat(report.Hangs))
            TestContext.Out.WriteLine($"{f.Outcome} case {f.Case} ({f.Seed}, {f.Mutation.Description}) kept as {f.SamplePath}\n  {f.Detail}");

        report.Cases.ShouldBeGreaterThanOrEqualTo(FuzzSettings.MinimumCases);
        report.Crashes.ShouldBeEmpty($"crashes (samples kept under {RegressionSamples.Folder(Format)})");
        report.Hangs.ShouldBeEmpty("hangs");
        // The mutator must actually damage packages: most cases are refused, and every mutation family ran.
        report.Rejected.ShouldBeGreaterThan(report.Cases / 2);
        report.Kinds.Keys.ShouldBe(MutationKinds, ignoreOrder: true);
    }

    [Test]
    public void Kept_regression_samples_end_in_a_clean_rejection()
    {
        foreach (var sample in RegressionSamples.All(Format))
        {
            var (outcome, detail, _) = PackageExercise.Run(sample);
            TestContext.Out.WriteLine($"{Path.GetFileName(sample)}: {outcome}: {detail.Split('\n')[0]}");
            outcome.ShouldBeOneOf([CaseOutcome.Rejected, CaseOutcome.Accepted], $"{sample}: {detail}");
        }
    }

    [Test]
    public void Through_the_cli_damage_is_exit_1_and_one_line_without_a_stack_trace()
    {
        var work = _tmp.Path("cli-cases");
        Directory.CreateDirectory(work);
        var runSeed = FuzzSettings.RunSeed;
        TestContext.Out.WriteLine($"cli fuzz {Format}: seed {runSeed}, {CliCases} cases");
        var results = new (int Exit, string StdErr, string What)[CliCases];
        Parallel.For(0, CliCases, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            var mutation = Mutator.Mutate(_seeds[i % _seeds.Count].Bytes, FuzzRunner.CaseRandom(runSeed, i));
            var path = Path.Combine(work, $"case-{i}.{Format}");
            File.WriteAllBytes(path, mutation.Bytes);
            var r = Support.PkgifyCli.Run(i % 2 == 0 ? "inspect" : "verify", path);
            results[i] = (r.ExitCode, r.StdErr, $"case {i} ({mutation.Description})");
        });

        foreach (var (exit, stderr, what) in results)
        {
            exit.ShouldBeOneOf([0, 1], $"{what}: {stderr}");
            if (exit == 0)
                continue;
            var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            lines.Length.ShouldBe(1, $"{what}: {stderr}");
            lines[0].ShouldStartWith("pkgify: ", Case.Sensitive, what);
            stderr.ShouldNotContain("   at ", Case.Sensitive, what);
        }
        results.Count(r => r.Exit == 1).ShouldBeGreaterThan(CliCases / 2);
    }
}

/// <summary>The fuzz run over .deb files.</summary>
public sealed class DebFuzzTests : PackageFuzzTests
{
    protected override IPackageMutator Mutator { get; } = new DebMutator();

    protected override IReadOnlyList<string> MutationKinds =>
        ["ar-header", "ar-members", "ar-size", "bitflip", "byteset", "compressed-header", "compressed-stream", "delete", "insert", "tar", "truncate"];

    protected override IReadOnlyList<FuzzSeed> CreateSeeds(TempDir tmp) => DebSeeds.Create(tmp);
}

/// <summary>The fuzz run over .rpm files.</summary>
public sealed class RpmFuzzTests : PackageFuzzTests
{
    protected override IPackageMutator Mutator { get; } = new RpmMutator();

    protected override IReadOnlyList<string> MutationKinds =>
        ["bitflip", "byteset", "cpio", "delete", "insert", "rpm-data", "rpm-header-values", "rpm-il-dl", "rpm-index", "rpm-lead", "rpm-payload", "rpm-trailer", "truncate"];

    protected override IReadOnlyList<FuzzSeed> CreateSeeds(TempDir tmp) => RpmSeeds.Create(tmp);
}
