namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>A valid package the mutator starts from.</summary>
public sealed record FuzzSeed(string Name, byte[] Bytes);
