using System.Security.Cryptography;
using System.Text;
using Pkgify.Formats.Cpio;

namespace Pkgify.Core.Reading;

/// <summary>
/// Walks an rpm's cpio payload (newc or stripped, formats.md §2.10) against the header's file list: every
/// member must be a listed file, hold the content size rpm expects, and hash to its FILEDIGESTS entry; every
/// listed file must appear. Content is streamed, never held.
/// </summary>
internal static class RpmPayloadCheck
{
    private const int GhostFlag = 64;

    public static List<string> Check(Stream archive, IReadOnlyList<RpmListedFile> files, HashAlgorithmName fileDigest)
    {
        var problems = new List<string>();
        var byPath = new Dictionary<string, RpmListedFile>(StringComparer.Ordinal);
        foreach (var f in files)
            byPath.TryAdd(f.Path, f);
        var seen = new HashSet<int>();

        using var reader = new CpioArchiveReader(archive, leaveOpen: true, strippedSizeResolver: i =>
            i >= 0 && i < files.Count ? files[i].PayloadSize : throw new InvalidDataException($"cpio: stripped member names file {i}, the header lists {files.Count}"));
        while (reader.Next() is { } entry)
        {
            RpmListedFile? file = entry.FileIndex is { } index ? files[index] : byPath.GetValueOrDefault(InstallPath(entry.Header.Name));
            if (file is null)
            {
                problems.Add($"payload member {entry.Header.Name} is not in the header's file list");
                continue;
            }
            if (!seen.Add(file.Index))
            {
                problems.Add($"{file.Path} appears twice in the payload");
                continue;
            }
            CheckContent(problems, file, entry, fileDigest);
        }
        foreach (var f in files.Where(f => !seen.Contains(f.Index) && (f.Flags & GhostFlag) == 0))
            problems.Add($"{f.Path} is listed in the header but missing from the payload");
        return problems;
    }

    private static void CheckContent(List<string> problems, RpmListedFile file, CpioEntry entry, HashAlgorithmName fileDigest)
    {
        // PayloadSize already says 0 for hardlink members without the set's data (rpm puts it on the last one).
        if (entry.Header.Size != file.PayloadSize)
        {
            problems.Add($"{file.Path}: the payload holds {entry.Header.Size} bytes, the header says {file.PayloadSize}");
            return;
        }
        if (file.IsSymlink)
        {
            var target = ReadSmall(entry.Content, file.Size);
            if (target != file.LinkTarget)
                problems.Add($"{file.Path}: symlink target in the payload is '{target}', the header says '{file.LinkTarget}'");
            return;
        }
        if (!file.IsRegular || !file.CarriesData || file.Digest.Length == 0)
            return;
        using var hash = IncrementalHash.CreateHash(fileDigest);
        var buffer = new byte[1 << 16];
        for (int n; (n = entry.Content.Read(buffer)) > 0;)
            hash.AppendData(buffer, 0, n);
        var actual = Convert.ToHexStringLower(hash.GetHashAndReset());
        if (!string.Equals(actual, file.Digest, StringComparison.OrdinalIgnoreCase))
            problems.Add($"{file.Path}: content digest {actual} does not match FILEDIGESTS ({file.Digest})");
    }

    /// <summary>A symlink target: bounded by the header's size, which the archive reader already enforces.</summary>
    private static string ReadSmall(Stream content, long size)
    {
        if (size > 1 << 16)
            throw new InvalidDataException($"cpio: symlink target of {size} bytes");
        using var buffer = new MemoryStream();
        content.CopyTo(buffer);
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    /// <summary>"./usr/bin/x", "/usr/bin/x" or "usr/bin/x" → "/usr/bin/x" (rpm accepts all three).</summary>
    private static string InstallPath(string name) =>
        "/" + (name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name).TrimStart('/');
}
