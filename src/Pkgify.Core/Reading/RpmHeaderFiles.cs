using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Reading;

/// <summary>
/// Decodes the file list of an rpm main header. The per-file arrays come from an untrusted file, so their
/// lengths and every index are checked; damage is reported as <see cref="InvalidDataException"/>.
/// </summary>
public static class RpmHeaderFiles
{
    private const long DefaultDevice = 0;

    /// <summary>The files in header order; empty for a package without files.</summary>
    public static IReadOnlyList<RpmListedFile> Read(RpmHeader header)
    {
        var paths = Paths(header);
        int n = paths.Count;
        var modes = Array(header, RpmTags.FileModes, n, required: true);
        var sizes = header.Has(RpmTags.LongFileSizes)
            ? Array(header, RpmTags.LongFileSizes, n, required: true)
            : Array(header, RpmTags.FileSizes, n, required: true);
        var mtimes = Array(header, RpmTags.FileMTimes, n, required: false);
        var flags = Array(header, RpmTags.FileFlags, n, required: false);
        var inodes = Array(header, RpmTags.FileInodes, n, required: false);
        var devices = Array(header, RpmTags.FileDevices, n, required: false);
        var digests = Strings(header, RpmTags.FileDigests, n);
        var links = Strings(header, RpmTags.FileLinkTos, n);
        var users = Strings(header, RpmTags.FileUserName, n);
        var groups = Strings(header, RpmTags.FileGroupName, n);

        var files = new List<RpmListedFile>(n);
        for (int i = 0; i < n; i++)
        {
            // Without FILEINODES a file is its own set (rpm then cannot see hardlinks either).
            var set = inodes is null ? (-1L, (long)i) : (devices?[i] ?? DefaultDevice, inodes[i]);
            files.Add(new RpmListedFile(i, paths[i], (int)modes![i], sizes![i], mtimes?[i] ?? 0, digests?[i] ?? "",
                links?[i] ?? "", (int)(flags?[i] ?? 0), users?[i] ?? "root", groups?[i] ?? "root", set, CarriesData: true));
        }
        return MarkHardlinkCarriers(files);
    }

    /// <summary>Only the last regular member of each (device, inode) set carries data (formats.md §2.10).</summary>
    private static List<RpmListedFile> MarkHardlinkCarriers(List<RpmListedFile> files)
    {
        var last = new Dictionary<(long, long), int>();
        foreach (var f in files.Where(f => f.IsRegular))
            last[f.HardlinkSet] = f.Index;
        return files.Select(f => f.IsRegular && last[f.HardlinkSet] != f.Index ? f with { CarriesData = false } : f).ToList();
    }

    private static IReadOnlyList<string> Paths(RpmHeader header)
    {
        if (!header.Has(RpmTags.BaseNames))
            return header.GetStringArray(RpmTags.OldFileNames);
        var baseNames = header.GetStringArray(RpmTags.BaseNames);
        var dirNames = header.GetStringArray(RpmTags.DirNames);
        var dirIndexes = Array(header, RpmTags.DirIndexes, baseNames.Count, required: true)!;
        var paths = new string[baseNames.Count];
        for (int i = 0; i < paths.Length; i++)
        {
            long d = dirIndexes[i];
            if (d < 0 || d >= dirNames.Count)
                throw new InvalidDataException($"rpm header: DIRINDEXES[{i}] = {d}, but DIRNAMES has {dirNames.Count} entries");
            paths[i] = dirNames[(int)d] + baseNames[i];
        }
        return paths;
    }

    private static IReadOnlyList<long>? Array(RpmHeader header, int tag, int count, bool required)
    {
        if (!header.Has(tag))
            return required && count > 0 ? throw new InvalidDataException($"rpm header: tag {tag} is missing for {count} files") : null;
        var values = header.GetIntegers(tag);
        if (values.Count != count)
            throw new InvalidDataException($"rpm header: tag {tag} has {values.Count} entries for {count} files");
        return values;
    }

    private static IReadOnlyList<string>? Strings(RpmHeader header, int tag, int count)
    {
        if (!header.Has(tag))
            return null;
        var values = header.GetStringArray(tag);
        if (values.Count != count)
            throw new InvalidDataException($"rpm header: tag {tag} has {values.Count} entries for {count} files");
        return values;
    }
}
