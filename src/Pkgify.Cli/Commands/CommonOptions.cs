using CommandLine;
using Pkgify.Core.Errors;

namespace Pkgify.Cli.Commands;

public abstract class CommonOptions
{
    [Option("json", HelpText = "Print a machine-readable result on stdout.")]
    public bool Json { get; set; }

    [Option('q', "quiet", HelpText = "Print only errors.")]
    public bool Quiet { get; set; }

    [Option('v', "verbose", HelpText = "Print more detail.")]
    public bool Verbose { get; set; }

    /// <summary>How progress is shown for this run (flags, then whether stderr is a terminal).</summary>
    internal Pkgify.Cli.Output.OutputMode Mode => Pkgify.Cli.Output.Terminal.ModeFor(Quiet, Json);
}

/// <summary>Options of the commands that write packages.</summary>
public abstract class WriteOptions : CommonOptions
{
    [Option('f', "format", MetaValue = "LIST", Default = "deb,rpm", HelpText = "Formats to write: deb, rpm or deb,rpm.")]
    public string Format { get; set; } = "deb,rpm";

    [Option("compression", MetaValue = "NAME", Default = "xz", HelpText = "Payload compression: xz, zstd, gzip or none.")]
    public string Compression { get; set; } = "xz";

    [Option("level", HelpText = "Compression level (default: gzip 6, xz 6, zstd 3).")]
    public int? Level { get; set; }

    [Option("threads", Default = 0, HelpText = "Compression threads (default 0: one per processor). Never changes the packages' bytes.")]
    public int Threads { get; set; }

    [Option("source-date-epoch", MetaValue = "SECONDS", HelpText = "Timestamp for every file and header (default: $SOURCE_DATE_EPOCH, else the newest input mtime).")]
    public long? SourceDateEpoch { get; set; }

    [Option("sign-key", MetaValue = "FILE", HelpText = "Sign the .rpm header with this armored OpenPGP secret key; passphrase from $PKGIFY_SIGN_PASSPHRASE.")]
    public string? SignKey { get; set; }

    /// <summary>The option wins over the environment variable, as reproducible-builds.org specifies for tools.</summary>
    public long? ResolveSourceDateEpoch() => SourceDateEpochSetting.Resolve(SourceDateEpoch);
}

/// <summary>Where SOURCE_DATE_EPOCH comes from: the option, else the environment variable.</summary>
internal static class SourceDateEpochSetting
{
    /// <summary>The option wins over the environment variable, as reproducible-builds.org specifies for tools.</summary>
    public static long? Resolve(long? option)
    {
        if (option is { } given)
            return given >= 0 ? given : throw new UsageException($"--source-date-epoch: {given} is negative: give seconds since 1970-01-01");
        var env = Environment.GetEnvironmentVariable("SOURCE_DATE_EPOCH");
        if (string.IsNullOrEmpty(env))
            return null;
        return long.TryParse(env, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var value)
            ? value
            : throw new UsageException($"SOURCE_DATE_EPOCH: '{env}' is not a number of seconds: unset it or give an integer");
    }
}
