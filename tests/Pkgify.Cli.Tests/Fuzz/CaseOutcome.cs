namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>What inspect and verify did with one file.</summary>
public enum CaseOutcome
{
    /// <summary>Both read it (the damage hit bytes nobody checks, or verify listed problems).</summary>
    Accepted,

    /// <summary>Refused with the expected one-line BuildException (exit 1).</summary>
    Rejected,

    /// <summary>Any other exception, or a rejection whose message is not one line.</summary>
    Crash,

    /// <summary>Did not finish within the per-case time bound.</summary>
    Hang,
}
