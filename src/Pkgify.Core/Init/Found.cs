namespace Pkgify.Core.Init;

/// <summary>A value <c>pkgify init</c> settled on, and why (the comment written above its key).</summary>
/// <param name="Value">The value.</param>
/// <param name="Why">Where it came from, as a short phrase ("found requirements.txt").</param>
public sealed record Found<T>(T Value, string Why);
