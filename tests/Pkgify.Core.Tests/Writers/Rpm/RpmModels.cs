using Pkgify.Core.Model;
using Pkgify.Core.Output;
using Pkgify.Core.Writers.Rpm;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Tests.Writers.Rpm;

/// <summary>Builds package models in code and writes them with <see cref="RpmWriter"/>, as pack and build do.</summary>
internal static class RpmModels
{
    public const long Epoch = 1_700_000_000;

    public static PackageFile File(string path, string content, int mode = 0x1A4, FileFlags flags = FileFlags.None) =>
        new(path, FileKind.Regular, mode, Epoch, System.Text.Encoding.UTF8.GetByteCount(content),
            GeneratedFileSource.FromText(content), Flags: flags);

    public static PackageFile Directory(string path, int mode = 0x1ED) => new(path, FileKind.Directory, mode, Epoch);

    public static PackageModel Normalize(string name, string version, IEnumerable<PackageFile> files,
        RelationSet? relations = null, MaintainerScripts? scripts = null, string release = "1", IEnumerable<ChangelogEntry>? changelog = null)
    {
        var draft = new PackageDraft
        {
            Name = name,
            Version = version,
            Release = release,
            Architecture = "noarch",
            Metadata = new PackageMetadata($"{name} for rpm writer tests", $"{name}: a package made in code.",
                "Ops Team <ops@example.com>", License: "MIT", Homepage: "https://example.com/" + name),
            SourceDateEpoch = Epoch,
        };
        draft.Files.AddRange(files);
        draft.Changelog.AddRange(changelog ?? []);
        draft.Rpm = new FamilyParts(relations ?? RelationSet.Empty, scripts ?? MaintainerScripts.Empty);
        return PackageNormalizer.Normalize(draft);
    }

    /// <summary>Writes <paramref name="model"/> into <paramref name="directory"/> under the writer's file name.</summary>
    public static string Write(PackageModel model, string directory, CompressionKind compression = CompressionKind.Xz)
    {
        var writer = new RpmWriter(new RpmWriterOptions(CompressionOptions.Default(compression)));
        System.IO.Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, writer.FileName(model));
        AtomicFile.Write(path, (stream, scratch) => writer.Write(model, stream, scratch));
        return path;
    }
}
