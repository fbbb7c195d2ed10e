using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Repositories.Yum;

/// <summary>
/// The dependency lists of primary.xml from an rpm header, with the rules createrepo_c 0.17 applies (checked
/// against its output): rpmlib() requires dropped, requires on a primary-set file the package itself holds
/// dropped, requires the package provides itself (same name, flags and version) dropped, duplicates dropped,
/// and pre="1" on requires needed by %pre/%post (PREREQ, SCRIPT_PRE, SCRIPT_POST).
/// </summary>
public static class RpmDependencyEntries
{
    private const int SenseMask = RpmSenseFlags.Less | RpmSenseFlags.Greater | RpmSenseFlags.Equal;
    private const int PreMask = RpmSenseFlags.PreReq | RpmSenseFlags.ScriptPre | RpmSenseFlags.ScriptPost;
    private const string RpmLibPrefix = "rpmlib(";

    private static readonly (string Element, int Name, int Flags, int Version)[] Kinds =
    [
        ("provides", RpmTags.ProvideName, RpmTags.ProvideFlags, RpmTags.ProvideVersion),
        ("requires", RpmTags.RequireName, RpmTags.RequireFlags, RpmTags.RequireVersion),
        ("conflicts", RpmTags.ConflictName, RpmTags.ConflictFlags, RpmTags.ConflictVersion),
        ("obsoletes", RpmTags.ObsoleteName, RpmTags.ObsoleteFlags, RpmTags.ObsoleteVersion),
        ("suggests", RpmTags.SuggestName, RpmTags.SuggestFlags, RpmTags.SuggestVersion),
        ("enhances", RpmTags.EnhanceName, RpmTags.EnhanceFlags, RpmTags.EnhanceVersion),
        ("recommends", RpmTags.RecommendName, RpmTags.RecommendFlags, RpmTags.RecommendVersion),
        ("supplements", RpmTags.SupplementName, RpmTags.SupplementFlags, RpmTags.SupplementVersion),
    ];

    /// <summary>The non-empty lists in primary.xml's order; <paramref name="files"/> are the package's own paths.</summary>
    public static IReadOnlyList<(string Element, IReadOnlyList<RpmDependencyEntry> Entries)> Read(RpmHeader header, IReadOnlySet<string> files)
    {
        var provides = Entries(header, Kinds[0], isRequires: false, files, []);
        var providedKeys = provides.Select(p => (p.Name, p.Flags, FullVersion(p))).ToHashSet();
        var lists = new List<(string, IReadOnlyList<RpmDependencyEntry>)>();
        foreach (var kind in Kinds)
        {
            var entries = kind.Element == "provides" ? provides : Entries(header, kind, kind.Element == "requires", files, providedKeys);
            if (entries.Count > 0)
            {
                lists.Add((kind.Element, entries));
            }
        }

        return lists;
    }

    private static List<RpmDependencyEntry> Entries(RpmHeader header, (string Element, int Name, int Flags, int Version) kind,
        bool isRequires, IReadOnlySet<string> files, HashSet<(string, string?, string)> provided)
    {
        var names = header.GetStringArray(kind.Name);
        var flags = header.GetIntegers(kind.Flags);
        var versions = header.GetStringArray(kind.Version);
        var seen = new HashSet<RpmDependencyEntry>();
        var entries = new List<RpmDependencyEntry>();
        for (var i = 0; i < names.Count; i++)
        {
            var flag = i < flags.Count ? (int)flags[i] : 0;
            var entry = Entry(names[i], flag, i < versions.Count ? versions[i] : "", isRequires && (flag & PreMask) != 0);
            if (isRequires && (entry.Name.StartsWith(RpmLibPrefix, StringComparison.Ordinal)
                               || (entry.Name.StartsWith('/') && files.Contains(entry.Name) && PrimaryFiles.IsPrimary(entry.Name))
                               || provided.Contains((entry.Name, entry.Flags, FullVersion(entry)))))
            {
                continue;
            }

            if (seen.Add(entry))
            {
                entries.Add(entry);
            }
        }

        return entries;
    }

    private static RpmDependencyEntry Entry(string name, int flags, string version, bool pre)
    {
        var sense = (flags & SenseMask) switch
        {
            RpmSenseFlags.Equal => "EQ",
            RpmSenseFlags.Less => "LT",
            RpmSenseFlags.Greater => "GT",
            RpmSenseFlags.LessOrEqual => "LE",
            RpmSenseFlags.GreaterOrEqual => "GE",
            _ => null,
        };
        if (sense is null || version.Length == 0)
        {
            return new RpmDependencyEntry(name, null, null, null, null, pre);
        }

        // [epoch:]version[-release], epoch "0" when absent (as createrepo_c writes it).
        var colon = version.IndexOf(':');
        var hasEpoch = colon > 0 && version[..colon].All(char.IsAsciiDigit);
        var epoch = hasEpoch ? version[..colon] : "0";
        var rest = hasEpoch ? version[(colon + 1)..] : version;
        var dash = rest.LastIndexOf('-');
        return new RpmDependencyEntry(name, sense, epoch, dash < 0 ? rest : rest[..dash], dash < 0 ? null : rest[(dash + 1)..], pre);
    }

    private static string FullVersion(RpmDependencyEntry e) => $"{e.Epoch}:{e.Version}-{e.Release}";
}
