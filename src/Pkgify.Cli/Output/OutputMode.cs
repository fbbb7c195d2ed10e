namespace Pkgify.Cli.Output;

/// <summary>How progress and messages reach the user.</summary>
internal enum OutputMode
{
    /// <summary>-q: errors only.</summary>
    Quiet,
    /// <summary>stderr is a log or a pipe: one grep-able line per step, prefixed "pkgify: ".</summary>
    Plain,
    /// <summary>stderr is a terminal: live bars (throughput and ETA when the size is known) and spinners.</summary>
    Terminal,
}
