namespace Pkgify.Core.Errors;

/// <summary>An error pkgify reports to the user: a one-line message and the process exit status.</summary>
public abstract class PkgifyException : Exception
{
    /// <summary>Creates the error with its one-line message.</summary>
    protected PkgifyException(string message, Exception? inner = null) : base(message, inner) { }

    /// <summary>The exit status the CLI returns for this error.</summary>
    public abstract int ExitCode { get; }
}

/// <summary>The user's mistake (bad usage or configuration): exit status 2, no stack trace.</summary>
public sealed class UsageException : PkgifyException
{
    /// <summary>Creates the error; the message says what, where (file, line, key) and how to fix it.</summary>
    public UsageException(string message, Exception? inner = null) : base(message, inner) { }

    /// <inheritdoc />
    public override int ExitCode => 2;
}

/// <summary>The build failed (a tool failed, a check did not pass): exit status 1.</summary>
public sealed class BuildException : PkgifyException
{
    /// <summary>Creates the error; the message says what failed and where to look.</summary>
    public BuildException(string message, Exception? inner = null) : base(message, inner) { }

    /// <inheritdoc />
    public override int ExitCode => 1;
}
