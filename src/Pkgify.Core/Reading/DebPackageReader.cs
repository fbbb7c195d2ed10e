using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Pkgify.Formats.Ar;
using Pkgify.Formats.Compression;
using Pkgify.Formats.Tar;

namespace Pkgify.Core.Reading;

/// <summary>
/// Reads any .deb (deb(5)): member order as dpkg's extract.c enforces it, the control stanza, scripts,
/// conffiles, md5sums and the data.tar listing. Damage surfaces as <see cref="InvalidDataException"/>
/// with a one-line reason; every control member is bounded in size.
/// </summary>
public static class DebPackageReader
{
    /// <summary>Budget for all control files read (control, md5sums, conffiles, scripts) together.</summary>
    private const long MaxControlTextBytes = 64L << 20;

    /// <summary>
    /// Most data.tar entries listed: the most files an rpm header can list (non-BIN arrays ≤ 0xFFFFF elements,
    /// formats.md §2.3), far above any real package, and a bound on the listing's memory.
    /// </summary>
    private const int MaxDataEntries = 0xFFFFF;

    private static readonly string[] ScriptNames = { "preinst", "postinst", "prerm", "postrm" };

    /// <summary>The control.tar members inspect and verify use; others (triggers, shlibs, templates...) are skipped unread.</summary>
    private static readonly HashSet<string> UsedControlFiles = new(ScriptNames.Concat(["control", "md5sums", "conffiles"]), StringComparer.Ordinal);

    /// <summary>The package and, when <paramref name="computeDigests"/>, the md5 of every regular file's content.</summary>
    public static (PackageInspection Inspection, DebPayloadFacts Facts) Read(Stream input, bool computeDigests)
    {
        using var ar = new ArArchiveReader(input, leaveOpen: true);
        CheckFormatMember(ar);

        ControlMembers? control = null;
        DataListing? data = null;
        for (var m = ar.Next(); m is not null && data is null; m = ar.Next())
        {
            if (m.Name.StartsWith('_'))
                continue; // deb(5): members starting with '_' may appear and are ignored
            if (control is null)
            {
                control = m.Name.StartsWith("control.tar", StringComparison.Ordinal)
                    ? ReadControl(m)
                    : throw new InvalidDataException($"member '{m.Name}' where control.tar was expected");
                continue;
            }
            data = m.Name.StartsWith("data.tar", StringComparison.Ordinal)
                ? ReadData(m, computeDigests)
                : throw new InvalidDataException($"member '{m.Name}' where data.tar was expected");
        }
        if (control is null)
            throw new InvalidDataException("no control.tar member");
        if (data is null)
            throw new InvalidDataException("no data.tar member");
        return (ToInspection(control, data), new DebPayloadFacts(control.Md5Sums, control.Conffiles, data.ComputedMd5));
    }

    /// <summary>
    /// Only the control stanza (field order kept), for repository indexes: reading stops after control.tar, so
    /// the data member is never decompressed.
    /// </summary>
    public static IReadOnlyDictionary<string, string> ReadControlFields(Stream input)
    {
        using var ar = new ArArchiveReader(input, leaveOpen: true);
        CheckFormatMember(ar);
        for (var m = ar.Next(); m is not null; m = ar.Next())
        {
            if (m.Name.StartsWith('_'))
                continue; // deb(5): members starting with '_' may appear and are ignored
            return m.Name.StartsWith("control.tar", StringComparison.Ordinal)
                ? ReadControl(m).Fields
                : throw new InvalidDataException($"member '{m.Name}' where control.tar was expected");
        }
        throw new InvalidDataException("no control.tar member");
    }

    private static void CheckFormatMember(ArArchiveReader ar)
    {
        var first = ar.Next() ?? throw new InvalidDataException("empty ar archive: not a Debian package");
        if (first.Name != "debian-binary")
            throw new InvalidDataException($"first member is '{first.Name}', not debian-binary: not a Debian package");
        var format = ReadText(first.Content, 1024);
        if (!format.StartsWith("2.", StringComparison.Ordinal) || !format.Contains('\n'))
            throw new InvalidDataException($"debian-binary says '{format.Trim()}': only format 2.x is known");
    }

    private static CompressionKind KindOf(string memberName)
    {
        var suffix = memberName[(memberName.IndexOf(".tar", StringComparison.Ordinal) + 4)..];
        return suffix switch
        {
            "" => CompressionKind.None,
            ".gz" => CompressionKind.Gzip,
            ".xz" => CompressionKind.Xz,
            ".zst" => CompressionKind.Zstd,
            _ => throw new InvalidDataException($"member '{memberName}' uses a compression pkgify cannot read"),
        };
    }

    private sealed record ControlMembers(
        IReadOnlyDictionary<string, string> Fields,
        IReadOnlyDictionary<string, string> Scripts,
        IReadOnlyDictionary<string, string> Md5Sums,
        IReadOnlySet<string> Conffiles);

    private static ControlMembers ReadControl(ArMember member)
    {
        using var decoded = CompressionCodec.OpenDecoder(member.Content, KindOf(member.Name), leaveOpen: true);
        using var tar = new TarArchiveReader(decoded, leaveOpen: true);
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        var budget = MaxControlTextBytes;
        for (var e = tar.Next(); e is not null; e = tar.Next())
        {
            var name = StripDotSlash(e.Header.Name);
            if (e.Header.Type != TarEntryType.Regular || !UsedControlFiles.Contains(name))
                continue;
            // A hostile control.tar may repeat a member or hold huge ones: what is kept is bounded in total.
            if (e.Header.Size > budget)
                throw new InvalidDataException($"control member '{e.Header.Name}' is {e.Header.Size} bytes: control files over {MaxControlTextBytes} bytes in total");
            budget -= e.Header.Size;
            files[name] = ReadMember(e.Content, e.Header.Size);
        }
        if (!files.TryGetValue("control", out var controlText))
            throw new InvalidDataException("control.tar has no control file");
        var fields = DebControlParser.Parse(controlText);
        foreach (var required in new[] { "Package", "Version", "Architecture" })
            if (!fields.ContainsKey(required))
                throw new InvalidDataException($"control file lacks the {required} field");
        var scripts = ScriptNames.Where(files.ContainsKey).ToDictionary(n => n, n => files[n]);
        return new ControlMembers(fields, scripts, ParseMd5Sums(files.GetValueOrDefault("md5sums")), ParseConffiles(files.GetValueOrDefault("conffiles")));
    }

    private static IReadOnlyDictionary<string, string> ParseMd5Sums(string? text)
    {
        var sums = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            // deb-md5sums(5): 32 hex digits, two spaces (or space and '*'), the path without leading '/' or './'.
            if (line.Length < 35 || line[32] != ' ')
                throw new InvalidDataException($"md5sums line is malformed: '{line[..Math.Min(line.Length, 60)]}'");
            sums["/" + StripDotSlash(line[34..].TrimStart('/'))] = line[..32].ToLowerInvariant();
        }
        return sums;
    }

    private static IReadOnlySet<string> ParseConffiles(string? text) =>
        (text ?? "").Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(l => l.StartsWith("remove-on-upgrade ", StringComparison.Ordinal) ? l[18..].Trim() : l)
            .ToHashSet(StringComparer.Ordinal);

    private sealed record DataListing(List<TarEntryHeader> Entries, Dictionary<string, string> ComputedMd5);

    private static DataListing ReadData(ArMember member, bool computeDigests)
    {
        using var decoded = CompressionCodec.OpenDecoder(member.Content, KindOf(member.Name), leaveOpen: true);
        using var tar = new TarArchiveReader(decoded, leaveOpen: true);
        var entries = new List<TarEntryHeader>();
        var md5 = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var e = tar.Next(); e is not null; e = tar.Next())
        {
            if (entries.Count == MaxDataEntries)
                throw new InvalidDataException($"data.tar lists more than {MaxDataEntries} entries");
            entries.Add(e.Header);
            if (computeDigests && e.Header.Type == TarEntryType.Regular)
                md5[InstallPath(e.Header.Name)] = Convert.ToHexStringLower(MD5.HashData(e.Content));
        }
        return new DataListing(entries, md5);
    }

    private static PackageInspection ToInspection(ControlMembers control, DataListing data)
    {
        var f = control.Fields;
        var (epoch, upstream, revision) = SplitVersion(f["Version"]);
        var description = f.GetValueOrDefault("Description") ?? "";
        var newline = description.IndexOf('\n');
        return new PackageInspection
        {
            Format = "deb",
            Name = f["Package"],
            Epoch = epoch,
            Version = upstream,
            Release = revision,
            Architecture = f["Architecture"],
            Summary = newline < 0 ? description : description[..newline],
            Description = newline < 0 ? "" : DebControlParser.ExtendedDescription(description[(newline + 1)..]),
            PreDepends = DebControlParser.SplitRelations(f.GetValueOrDefault("Pre-Depends")),
            Depends = DebControlParser.SplitRelations(f.GetValueOrDefault("Depends")),
            Recommends = DebControlParser.SplitRelations(f.GetValueOrDefault("Recommends")),
            Suggests = DebControlParser.SplitRelations(f.GetValueOrDefault("Suggests")),
            Provides = DebControlParser.SplitRelations(f.GetValueOrDefault("Provides")),
            Conflicts = DebControlParser.SplitRelations(f.GetValueOrDefault("Conflicts")),
            Breaks = DebControlParser.SplitRelations(f.GetValueOrDefault("Breaks")),
            Replaces = DebControlParser.SplitRelations(f.GetValueOrDefault("Replaces")),
            Scripts = control.Scripts,
            Fields = f,
            DigestAlgorithm = "md5",
            Files = data.Entries.Where(e => InstallPath(e.Name) != "/").Select(e => ToFile(e, control)).ToList(),
        };
    }

    private static InspectedFile ToFile(TarEntryHeader e, ControlMembers control)
    {
        var path = InstallPath(e.Name);
        var target = e.Type switch
        {
            TarEntryType.Symlink => e.LinkName,
            TarEntryType.Hardlink => InstallPath(e.LinkName),
            _ => null,
        };
        return new InspectedFile(path, TypeName(e.Type), "0" + Convert.ToString(e.Mode & 0xFFF, 8).PadLeft(3, '0'),
            e.UserName, e.GroupName, e.Size, target, control.Md5Sums.GetValueOrDefault(path), control.Conffiles.Contains(path), e.MTime);
    }

    internal static string TypeName(TarEntryType t) => t switch
    {
        TarEntryType.Regular => "file",
        TarEntryType.Directory => "dir",
        TarEntryType.Symlink => "symlink",
        TarEntryType.Hardlink => "hardlink",
        TarEntryType.CharDevice => "char",
        TarEntryType.BlockDevice => "block",
        TarEntryType.Fifo => "fifo",
        _ => "other",
    };

    /// <summary>"./usr/bin/x" or "usr/bin/x/" → "/usr/bin/x".</summary>
    internal static string InstallPath(string archiveName)
    {
        var p = StripDotSlash(archiveName).TrimEnd('/');
        return "/" + p.TrimStart('/');
    }

    private static string StripDotSlash(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;

    /// <summary>deb-version(7): epoch before the first ':', revision after the last '-'.</summary>
    private static (int Epoch, string Upstream, string Revision) SplitVersion(string version)
    {
        var epoch = 0;
        var colon = version.IndexOf(':');
        if (colon > 0 && int.TryParse(version[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out var e))
        {
            epoch = e;
            version = version[(colon + 1)..];
        }
        var dash = version.LastIndexOf('-');
        return dash < 0 ? (epoch, version, "") : (epoch, version[..dash], version[(dash + 1)..]);
    }

    /// <summary>A control member's text: its declared size (already within the budget) read into one exact buffer.</summary>
    private static string ReadMember(Stream content, long size)
    {
        var bytes = new byte[size];
        content.ReadExactly(bytes);
        return Encoding.UTF8.GetString(bytes);
    }

    private static string ReadText(Stream s, long limit)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int n;
        while ((n = s.Read(chunk, 0, chunk.Length)) > 0)
        {
            if (buffer.Length + n > limit)
                throw new InvalidDataException($"a control member exceeds {limit} bytes");
            buffer.Write(chunk, 0, n);
        }
        return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
    }
}

/// <summary>What verify compares: declared md5sums and conffiles against what the payload holds.</summary>
public sealed record DebPayloadFacts(
    IReadOnlyDictionary<string, string> DeclaredMd5,
    IReadOnlySet<string> Conffiles,
    IReadOnlyDictionary<string, string> ComputedMd5);
