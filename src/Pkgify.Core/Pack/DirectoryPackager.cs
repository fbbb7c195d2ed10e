using Pkgify.Core.Diagnostics;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Output;
using Pkgify.Core.Progress;
using Pkgify.Core.Relations;
using Pkgify.Core.Signing;
using Pkgify.Core.Staging;
using Pkgify.Core.Validation;
using Pkgify.Core.Writers;

namespace Pkgify.Core.Pack;

/// <summary><c>pkgify pack</c>: an existing file tree becomes packages; no Python involved.</summary>
public static class DirectoryPackager
{
    /// <summary>Packages the tree; <paramref name="progress"/> is told of each package written.</summary>
    public static IReadOnlyList<PackResult> Pack(PackRequest request, IProgressSink? progress = null)
    {
        // Everything the user could get wrong is checked before the first byte is written.
        if (request.SigningKey is { } key)
            SignatureTime.Resolve(request.SourceDateEpoch, 0, key);
        var writers = PackageWriters.Create(request.Formats, request.Compression, request.Level,
            rpmSigning: request.SigningKey is null ? null : new RpmHeaderSigning(request.SigningKey), threads: request.Threads);
        PackageModel model;
        using (PhaseTimer.Start("scan tree, build model"))
            model = BuildModel(request);
        return PackageEmitter.Emit(model, writers, request.OutputDirectory, progress);
    }

    public static PackageModel BuildModel(PackRequest request)
    {
        NameRules.ValidatePackageName(request.Name, "--name");
        var prefix = PathRules.NormalizePrefix(request.Prefix ?? "/opt/" + request.Name);
        IReadOnlyList<PackageFile> files;
        using (PhaseTimer.Start("scan: tree walk"))
            files = TreeScanner.Scan(request.Tree, prefix);
        var configPaths = request.ConfigFiles.Select(c => ConfigPath(c, prefix)).ToHashSet(StringComparer.Ordinal);

        var draft = new PackageDraft
        {
            Name = request.Name,
            Version = request.Version,
            Release = request.Release,
            Architecture = request.Architecture,
            Metadata = request.Metadata ?? new PackageMetadata(request.Name, "", ""),
            SourceDateEpoch = request.SourceDateEpoch,
        };
        foreach (var f in files)
            draft.Files.Add(WithSystemFlags(configPaths.Remove(f.Path) ? f with { Flags = f.Flags | FileFlags.Config | FileFlags.NoReplace } : f));
        if (configPaths.Count > 0)
            throw new UsageException($"--config-file {Printable.Escape(configPaths.First())}: no such file in the tree: give an install path or a path relative to the tree");

        var depends = RelationSet.Empty.With(RelationKind.Depends,
            request.Depends.Select(d => RelationParser.Parse(d, "--depends")));
        draft.Deb = new FamilyParts(depends, PackScripts.Load(request.Scripts, PackageFamily.Deb));
        draft.Rpm = new FamilyParts(depends, PackScripts.Load(request.Scripts, PackageFamily.Rpm));
        using var normalizing = PhaseTimer.Start("scan: normalize");
        return PackageNormalizer.Normalize(draft);
    }

    /// <summary>
    /// A tree packed into the whole file system (--prefix /) holds directories such as /usr/bin: the package then
    /// shares them (RPM: does not own them) instead of claiming them; and its files below /usr/share/doc or
    /// /usr/share/man are documentation, as rpmbuild would mark them.
    /// </summary>
    private static PackageFile WithSystemFlags(PackageFile f) => f.Kind switch
    {
        FileKind.Directory when SystemDirectories.IsShared(f.Path) => f with { Flags = f.Flags | FileFlags.ImplicitParent },
        FileKind.Regular or FileKind.Symlink or FileKind.Hardlink when SystemDirectories.IsDocumentation(f.Path) => f with { Flags = f.Flags | FileFlags.Doc },
        _ => f,
    };

    private static string ConfigPath(string given, string prefix) =>
        given.StartsWith('/')
            ? PathRules.Normalize(given, "--config-file")
            : PathRules.Normalize((prefix == "/" ? "" : prefix) + "/" + given, "--config-file");
}
