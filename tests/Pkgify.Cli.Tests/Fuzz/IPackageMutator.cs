namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>Turns a valid seed package into a damaged one; every choice comes from <c>rng</c>, so a case replays from its seed.</summary>
public interface IPackageMutator
{
    /// <summary>"deb" or "rpm": the file extension of samples and the folder of regressions.</summary>
    string Format { get; }

    Mutation Mutate(byte[] seed, Random rng);
}
