namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>A crash or hang: which case, what was done to which seed, and where the sample was kept.</summary>
public sealed record FuzzFinding(int Case, string Seed, Mutation Mutation, CaseOutcome Outcome, string Detail, string SamplePath);

/// <summary>The figures of one fuzz run, printed in the test output.</summary>
public sealed class FuzzReport
{
    public required string Format { get; init; }
    public required int RunSeed { get; init; }
    public int Cases { get; set; }
    public int Accepted { get; set; }
    public int Rejected { get; set; }
    public List<FuzzFinding> Crashes { get; } = new();
    public List<FuzzFinding> Hangs { get; } = new();
    public TimeSpan MaxCaseTime { get; set; }
    public string SlowestCase { get; set; } = "";
    public TimeSpan Total { get; set; }
    public SortedDictionary<string, int> Kinds { get; } = new(StringComparer.Ordinal);

    public override string ToString() =>
        $"fuzz {Format}: seed {RunSeed}, {Cases} cases in {Total.TotalSeconds:F1} s: {Rejected} rejected, {Accepted} accepted, " +
        $"{Crashes.Count} crashes, {Hangs.Count} hangs; max time per case {MaxCaseTime.TotalMilliseconds:F0} ms ({SlowestCase})\n" +
        "  mutations: " + string.Join(", ", Kinds.Select(k => $"{k.Key} {k.Value}"));
}
