using CommandLine;
using Pkgify.Core.Errors;
using Pkgify.Core.Signing;

namespace Pkgify.Cli.Commands;

[Verb("sign", HelpText = "Add (or replace) the OpenPGP header signature of .rpm files, in place.")]
public sealed class SignOptions : SigningOptions
{
    [Value(0, MetaName = "FILE", Min = 1, HelpText = "The .rpm files to sign.")]
    public IEnumerable<string> Files { get; set; } = Array.Empty<string>();
}

public static class SignCommand
{
    public static int Run(SignOptions o)
    {
        if (o.SignKey is null)
            throw new UsageException("sign: --sign-key is required: give the armored secret key file (passphrase in $PKGIFY_SIGN_PASSPHRASE)");
        var files = o.Files.ToList();
        foreach (var file in files.Where(f => !File.Exists(f)))
            throw new UsageException($"{file}: no such file: give the path of an .rpm package");
        var key = o.LoadKey()!;
        var epoch = o.ResolveSourceDateEpoch();
        var results = files.Select(f => RpmSigner.SignInPlace(f, key, SignatureTime.Resolve(epoch, RpmBuildTime.Of(f), key))).ToList();
        if (o.Json)
            JsonOutput.Write(new { signed = results.Select(r => new { path = r.Path, changed = r.Changed, tag = r.Tag, key_id = r.KeyId }) });
        else if (!o.Quiet)
            foreach (var r in results)
                Console.WriteLine(r.Changed ? $"signed {r.Path} (key {r.KeyId}, tag {r.Tag})" : $"{r.Path}: already signed by key {r.KeyId}");
        return 0;
    }
}
