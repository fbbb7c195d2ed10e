using System.Globalization;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Run size and seed. Each run draws a new seed (printed, so a failure replays with PKGIFY_FUZZ_SEED=N) and
/// covers at least <see cref="MinimumCases"/> cases per format (PKGIFY_FUZZ_CASES may raise it, never lower it).
/// </summary>
public static class FuzzSettings
{
    /// <summary>Issue 8: at least 2,000 mutated packages per format per run.</summary>
    public const int MinimumCases = 2_000;

    private const int DefaultCases = 2_400;

    public static int Cases =>
        int.TryParse(Environment.GetEnvironmentVariable("PKGIFY_FUZZ_CASES"), NumberStyles.None, CultureInfo.InvariantCulture, out var n)
            ? Math.Max(n, MinimumCases)
            : DefaultCases;

    public static int RunSeed =>
        int.TryParse(Environment.GetEnvironmentVariable("PKGIFY_FUZZ_SEED"), NumberStyles.None, CultureInfo.InvariantCulture, out var s)
            ? s
            : Random.Shared.Next();
}
