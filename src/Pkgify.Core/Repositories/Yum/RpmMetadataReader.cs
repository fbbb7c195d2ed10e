using Pkgify.Core.Errors;
using Pkgify.Core.Reading;
using Pkgify.Core.Validation;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>Reads what the yum metadata says about one .rpm: its header facts and the SHA-256 of the file.</summary>
public static class RpmMetadataReader
{
    private const int FileGhostFlag = RpmFileFlags.Ghost;

    /// <summary>
    /// Reads <paramref name="path"/>, listed at <paramref name="location"/>. The file time written is the file's
    /// mtime clamped to <paramref name="clampTime"/> (SOURCE_DATE_EPOCH), so that same inputs give same metadata.
    /// A damaged package is a <see cref="BuildException"/> naming the file.
    /// </summary>
    public static RpmMetadata Read(string path, string location, long? clampTime)
    {
        try
        {
            var digests = FileDigests.Of(path);
            using var input = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
            var package = RpmPackageReader.Open(input);
            var mtime = new DateTimeOffset(File.GetLastWriteTimeUtc(path)).ToUnixTimeSeconds();
            return Describe(package, digests, location, clampTime is { } clamp ? Math.Min(mtime, clamp) : mtime);
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException)
        {
            throw new BuildException($"{path}: damaged package: {Printable.Escape(e.Message)}", e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new BuildException($"{path}: cannot be read: {Printable.Escape(e.Message)}", e);
        }
    }

    private static RpmMetadata Describe(RpmPackage package, FileDigests digests, string location, long fileTime)
    {
        var h = package.Header;
        var sig = package.Signature;
        var files = RpmHeaderFiles.Read(h);
        var paths = files.Select(f => f.Path).ToHashSet(StringComparer.Ordinal);
        var headerStart = package.PayloadOffset - h.RawBytes.Length;
        return new RpmMetadata
        {
            Name = h.GetString(RpmTags.Name) ?? throw new InvalidDataException("the header has no NAME"),
            Arch = Arch(package),
            Epoch = (h.GetInteger(RpmTags.Epoch) ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture),
            Version = h.GetString(RpmTags.Version) ?? throw new InvalidDataException("the header has no VERSION"),
            Release = h.GetString(RpmTags.Release) ?? throw new InvalidDataException("the header has no RELEASE"),
            PkgId = digests.Sha256,
            Summary = h.GetString(RpmTags.Summary) ?? "",
            Description = h.GetString(RpmTags.Description) ?? "",
            Packager = h.GetString(RpmTags.Packager) ?? "",
            Url = h.GetString(RpmTags.Url) ?? "",
            FileTime = fileTime,
            BuildTime = h.GetInteger(RpmTags.BuildTime) ?? 0,
            PackageSize = digests.Size,
            InstalledSize = h.GetInteger(RpmTags.LongSize) ?? h.GetInteger(RpmTags.Size) ?? 0,
            // rpm merges the signature header's PAYLOADSIZE into ARCHIVESIZE when it loads a package (§2.4).
            ArchiveSize = sig.GetInteger(RpmTags.SigLongArchiveSize) ?? sig.GetInteger(RpmTags.SigPayloadSize) ?? h.GetInteger(RpmTags.ArchiveSize) ?? 0,
            Location = location,
            License = h.GetString(RpmTags.License) ?? "",
            Vendor = h.GetString(RpmTags.Vendor) ?? "",
            Group = h.GetString(RpmTags.Group) ?? "",
            BuildHost = h.GetString(RpmTags.BuildHost) ?? "",
            SourceRpm = h.GetString(RpmTags.SourceRpm) ?? "",
            HeaderStart = headerStart,
            HeaderEnd = package.PayloadOffset,
            Dependencies = RpmDependencyEntries.Read(h, paths),
            Files = files.Select(f => (f.Path, (f.Flags & FileGhostFlag) != 0 ? "ghost" : f.IsDirectory ? "dir" : null)).ToList(),
            Changelog = Changelog(h),
        };
    }

    // A source package's header names the build architecture; yum lists it as "src" (createrepo_c does the same).
    private static string Arch(RpmPackage package) =>
        package.Lead.IsSource || !package.Header.Has(RpmTags.SourceRpm) ? "src" : package.Header.GetString(RpmTags.Arch) ?? "noarch";

    private static List<(string, long, string)> Changelog(RpmHeader h)
    {
        var names = h.GetStringArray(RpmTags.ChangelogName);
        var times = h.GetIntegers(RpmTags.ChangelogTime);
        var texts = h.GetStringArray(RpmTags.ChangelogText);
        var count = Math.Min(names.Count, Math.Min(times.Count, texts.Count));
        return Enumerable.Range(0, count).Select(i => (names[i], times[i], texts[i])).ToList();
    }
}
