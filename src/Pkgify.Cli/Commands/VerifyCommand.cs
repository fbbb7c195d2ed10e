using CommandLine;
using Pkgify.Core.Errors;
using Pkgify.Core.Reading;
using Pkgify.Core.Repositories;
using Pkgify.Core.Signing;

namespace Pkgify.Cli.Commands;

[Verb("verify", HelpText = "Check a package's internal consistency (digests, sizes, signature with --key), or a repository's with --repo.")]
public sealed class VerifyOptions : CommonOptions
{
    [Value(0, MetaName = "FILE", HelpText = "The package file.")]
    public string? File { get; set; }

    [Option("key", MetaValue = "FILE", HelpText = "Public key file (binary or armored): also check the package's (or repository's) signatures.")]
    public string? Key { get; set; }

    [Option("repo", MetaValue = "DIR", HelpText = "Check an apt or yum repository directory instead of a package: signatures, index hashes and sizes, package hashes.")]
    public string? Repo { get; set; }
}

public static class VerifyCommand
{
    private const string DebSignatureNote =
        "signatures are not part of .deb files (apt trusts the repository's signed Release instead); checked the package's digests and sizes";

    public static int Run(VerifyOptions o)
    {
        if (o.Repo is not null && o.File is not null)
            throw new UsageException("verify: give either FILE or --repo DIR, not both");
        if (o.Repo is null && o.File is null)
            throw new UsageException("verify: give a package FILE, or --repo DIR for a repository");
        var keyring = o.Key is null ? null : PublicKeyFile.Read(o.Key);
        var subject = o.Repo ?? o.File!;
        var (problems, notes) = o.Repo is not null ? VerifyRepository(o.Repo, keyring) : VerifyPackage(o.File!, keyring);
        if (o.Json)
            JsonOutput.Write(new { file = o.File, repo = o.Repo, ok = problems.Count == 0, problems, notes });
        else
        {
            if (!o.Quiet)
                foreach (var note in notes)
                    Console.Error.WriteLine($"pkgify: {subject}: note: {note}");
            if (problems.Count > 0)
                Console.Error.WriteLine($"pkgify: {subject}: {problems[0]}" + (problems.Count switch { 1 => "", 2 => " (and 1 more problem)", _ => $" (and {problems.Count - 1} more problems)" }));
            else if (!o.Quiet)
                Console.WriteLine($"{subject}: OK");
        }
        return problems.Count == 0 ? 0 : 1;
    }

    private static (IReadOnlyList<string> Problems, IReadOnlyList<string> Notes) VerifyPackage(string file, byte[]? keyring)
    {
        var problems = PackageFiles.Verify(file).ToList();
        if (keyring is null)
            return (problems, []);
        if (PackageFiles.IsDeb(file))
            return (problems, [DebSignatureNote]);
        problems.AddRange(RpmSignatureVerifier.Check(file, keyring));
        return (problems, []);
    }

    private static (IReadOnlyList<string> Problems, IReadOnlyList<string> Notes) VerifyRepository(string dir, byte[]? keyring)
    {
        var report = RepositoryVerifier.Verify(dir, keyring);
        return (report.Problems, keyring is null ? ["no --key given: signatures were not checked"] : []);
    }
}
