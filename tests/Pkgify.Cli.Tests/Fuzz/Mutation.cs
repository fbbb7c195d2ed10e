namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>One mutated package: its bytes and a short description of what was done to the seed (for the report).</summary>
/// <param name="Kind">The mutation family ("ar-size", "tar-pax", "bitflip"...), counted in the run's figures.</param>
public sealed record Mutation(byte[] Bytes, string Kind, string Description);
