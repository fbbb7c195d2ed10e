using CommandLine;
using Pkgify.Core.Errors;
using Pkgify.Core.Signing;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Cli.Commands;

/// <summary>Options of the commands that sign (sign, repo apt, repo yum).</summary>
public abstract class SigningOptions : CommonOptions
{
    [Option("sign-key", MetaValue = "FILE", HelpText = "Armored (or binary) OpenPGP secret key file; passphrase from $PKGIFY_SIGN_PASSPHRASE.")]
    public string? SignKey { get; set; }

    [Option("source-date-epoch", MetaValue = "SECONDS", HelpText = "Signature and index time (default: $SOURCE_DATE_EPOCH, else taken from the packages).")]
    public long? SourceDateEpoch { get; set; }

    /// <summary>The option wins over the environment variable, as reproducible-builds.org specifies for tools.</summary>
    public long? ResolveSourceDateEpoch() => SourceDateEpochSetting.Resolve(SourceDateEpoch);

    /// <summary>The --sign-key key, loaded before anything is written; null without the option.</summary>
    public OpenPgpSecretKey? LoadKey() => SignKey is null ? null : SigningKeyFile.Load(SignKey);
}

/// <summary>Options of the repository commands, which can also hand out the public key.</summary>
public abstract class RepositoryOptions : SigningOptions
{
    [Value(0, MetaName = "DIR", Required = true, HelpText = "The repository directory.")]
    public string Directory { get; set; } = "";

    [Option("export-key", MetaValue = "FILE", HelpText = "Write the public key users need (armored when FILE ends in .asc, else a binary keyring).")]
    public string? ExportKey { get; set; }

    /// <summary>Loads --sign-key and checks that --export-key has a key to export.</summary>
    public OpenPgpSecretKey? LoadRepositoryKey()
    {
        if (ExportKey is not null && SignKey is null)
            throw new UsageException("--export-key needs --sign-key: the public key exported is the signing key's");
        return LoadKey();
    }

    /// <summary>Writes --export-key when given.</summary>
    public void ExportPublicKey(OpenPgpSecretKey? key)
    {
        if (ExportKey is not null && key is not null)
            PublicKeyFile.Export(key, ExportKey);
    }
}
