namespace Pkgify.Core.Errors;
/// <summary>A failure reported as one line, without a stack trace. Exit 1 = build failed, 2 = bad usage/configuration.</summary>
public abstract class PkgifyException : Exception { protected PkgifyException(string message, Exception? inner = null) : base(message, inner) { } public abstract int ExitCode { get; } }
public sealed class UsageException : PkgifyException { public UsageException(string message, Exception? inner = null) : base(message, inner) { } public override int ExitCode => 2; }
public sealed class BuildException : PkgifyException { public BuildException(string message, Exception? inner = null) : base(message, inner) { } public override int ExitCode => 1; }
