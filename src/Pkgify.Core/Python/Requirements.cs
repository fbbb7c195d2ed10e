namespace Pkgify.Core.Python;

/// <summary>A validated requirements file (with its -r includes): every item pinned.</summary>
/// <param name="Items">The requirements in file order, includes expanded where they stand.</param>
/// <param name="HasHashes">Every requirement carries --hash: pip must run with --require-hashes.</param>
public sealed record Requirements(IReadOnlyList<Requirement> Items, bool HasHashes);
