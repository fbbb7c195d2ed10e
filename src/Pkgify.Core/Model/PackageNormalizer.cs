using System.Collections.Immutable;
using System.Text;
using Pkgify.Core.Errors;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Model;

/// <summary>
/// The single place where inputs become a <see cref="PackageModel"/>: names and versions validated and
/// mapped, paths checked, parent directories added, hardlink sets given a primary member, ownership
/// defaulted, every mtime set to the build time, files sorted. Writers can then trust the model and stay simple.
/// </summary>
public static class PackageNormalizer
{
    /// <summary>
    /// Used when no SOURCE_DATE_EPOCH is given and no input file has an mtime: 2000-01-01T00:00:00Z.
    /// Never the clock, so a build is repeatable; after 1975 so lintian's package-contains-ancient-file stays quiet.
    /// </summary>
    public const long DefaultEpoch = 946_684_800;

    /// <summary>
    /// The time of every entry below a cacheable tree (the virtualenv) in a build, or the build time if that is
    /// earlier. The venv's bytes in the payload then depend on the venv alone, not on the commit that changed
    /// the application, so its compressed segment is reused from build to build (issue 7); a fixed time keeps
    /// the output reproducible (reproducible-builds.org: any time not after SOURCE_DATE_EPOCH).
    /// </summary>
    public const long CacheableTreeTime = DefaultEpoch;

    private const int DirectoryMode = 0x1ED; // 0755
    private const int OtherWrite = 0x2;      // 0002
    private const int Sticky = 0x200;        // 1000

    public static PackageModel Normalize(PackageDraft draft)
    {
        NameRules.ValidatePackageName(draft.Name, "name");
        var version = VersionRules.Parse(draft.Version, draft.Release, "version");
        var buildTime = draft.SourceDateEpoch ?? DeriveBuildTime(draft.Files);
        if (buildTime < 0)
            throw new UsageException($"SOURCE_DATE_EPOCH: {buildTime} is negative: give seconds since 1970-01-01");

        var trees = draft.CacheableTrees.Select(t => PathRules.Normalize(t, "cacheable tree")).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var treeTime = Math.Min(buildTime, CacheableTreeTime);
        long BuildEntryTime(string path) => trees.Any(t => path.StartsWith(t + "/", StringComparison.Ordinal)) ? treeTime : buildTime;
        // A hash map: the order comes from the sort at the end (OrderHardlinkSets), by UTF-8 bytes.
        var files = new Dictionary<string, PackageFile>(draft.Files.Count, StringComparer.Ordinal);
        foreach (var file in draft.Files)
        {
            var path = PathRules.Normalize(file.Path, "file");
            if (files.ContainsKey(path))
                throw new UsageException($"file {Printable.Escape(path)}: listed twice: keep one entry per installed path");
            files[path] = Clean(file with { Path = path }, BuildEntryTime(path), buildTime, draft.DateEveryEntryAtBuildTime);
        }
        AddImplicitParents(files, draft.DateEveryEntryAtBuildTime ? BuildEntryTime : _ => buildTime);
        var ordered = OrderHardlinkSets(files);
        CheckConfigFiles(ordered);

        var arch = draft.Architecture is null
            ? PackageArchitecture.Independent
            : PackageArchitecture.Parse(draft.Architecture)
              ?? throw new UsageException($"arch: unknown architecture '{Printable.Escape(draft.Architecture)}': use all/noarch, amd64/x86_64, arm64/aarch64, ...");

        return new PackageModel(
            new PackageIdentity(draft.Name, version, arch),
            CleanMetadata(draft.Metadata, draft.Name),
            ordered,
            draft.Deb,
            draft.Rpm,
            buildTime)
        {
            CacheableTrees = trees,
            Changelog = [.. draft.Changelog],
        };
    }

    /// <summary>
    /// Without SOURCE_DATE_EPOCH the newest input mtime stands for the build time: same inputs, same bytes.
    /// (<c>build</c> passes its own default: the newest of pkgify.yaml, the requirements and pyproject.toml.)
    /// </summary>
    private static long DeriveBuildTime(IEnumerable<PackageFile> files) =>
        files.Select(f => f.MTime).DefaultIfEmpty(DefaultEpoch).Max() is var t && t > 0 ? t : DefaultEpoch;

    /// <param name="entryTime">The time a build gives this entry: the build time, or the cacheable trees' time.</param>
    private static PackageFile Clean(PackageFile file, long entryTime, long buildTime, bool dateAll)
    {
        if ((file.Mode & ~0xFFF) != 0)
            throw new UsageException($"file {Printable.Escape(file.Path)}: mode {Convert.ToString(file.Mode, 8)} has more than permission bits: give 0000-7777");
        if (IsWorldWritable(file))
            throw new UsageException($"file {Printable.Escape(file.Path)}: mode {Convert.ToString(file.Mode, 8).PadLeft(4, '0')} is world-writable, so any user of the target could change it: " +
                                     "remove the bit (chmod o-w); a shared directory needs the sticky bit (chmod 1777)");
        var owner = string.IsNullOrEmpty(file.Owner) ? "root" : file.Owner;
        var group = string.IsNullOrEmpty(file.Group) ? "root" : file.Group;
        PathRules.ValidateAccountName(owner, file.Path);
        PathRules.ValidateAccountName(group, file.Path);
        var size = file.Kind switch
        {
            FileKind.Directory => 0,
            FileKind.Symlink => Encoding.UTF8.GetByteCount(file.LinkTarget),
            _ => file.Size,
        };
        if (file.Kind == FileKind.Symlink)
            PathRules.ValidateLinkTarget(file.LinkTarget, file.Path);
        var flags = file.Kind == FileKind.Directory ? file.Flags & FileFlags.ImplicitParent : file.Flags;
        return file with
        {
            Owner = owner,
            Group = group,
            Size = size,
            // build: every entry is dated at the build time (a checkout's mtimes are the time of the clone, not of
            // the change), the venv's at a fixed time. pack: the tree's mtimes are input, clamped to the build time
            // as dpkg-deb --clamp-mtime does.
            MTime = dateAll ? entryTime : Math.Clamp(file.MTime, 0, buildTime),
            Flags = flags,
        };
    }

    /// <summary>
    /// Issue 8: no package pkgify writes holds a world-writable file. Symlinks have no modes of their own
    /// (symlink(7)); a directory with the sticky bit (like /tmp, 1777) only lets owners remove their entries.
    /// </summary>
    private static bool IsWorldWritable(PackageFile file) =>
        (file.Mode & OtherWrite) != 0 && file.Kind != FileKind.Symlink && !(file.Kind == FileKind.Directory && (file.Mode & Sticky) != 0);

    /// <summary>
    /// Adds every missing ancestor directory. The walk up from a path stops at the first ancestor that is in
    /// the map: if it was given, it gets its own walk; if it was added, its ancestors were added with it.
    /// </summary>
    private static void AddImplicitParents(Dictionary<string, PackageFile> files, Func<string, long> timeOf)
    {
        // In the draft's order (insertion order: deterministic), which only decides which error is reported first.
        foreach (var path in files.Keys.ToList())
        {
            for (var parent = ParentOf(path); parent != "/"; parent = ParentOf(parent))
            {
                if (files.TryGetValue(parent, out var existing))
                {
                    if (existing.Kind != FileKind.Directory)
                        throw new UsageException($"file {Printable.Escape(path)}: its parent {Printable.Escape(parent)} is not a directory in the package");
                    break;
                }
                files[parent] = new PackageFile(parent, FileKind.Directory, DirectoryMode, timeOf(parent), Flags: FileFlags.ImplicitParent);
            }
        }
    }

    private static string ParentOf(string path)
    {
        var i = path.LastIndexOf('/');
        return i <= 0 ? "/" : path[..i];
    }

    /// <summary>
    /// Sorts by UTF-8 path bytes and makes the first member of each hardlink set (in that order) the one
    /// that carries the data: dpkg needs a hardlink's target earlier in the tar (formats.md §1.4), and
    /// rpm identifies a set by its shared inode number, whichever member the user named.
    /// </summary>
    private static ImmutableArray<PackageFile> OrderHardlinkSets(Dictionary<string, PackageFile> files)
    {
        var sorted = files.Values.OrderBy(f => f.Path, Utf8PathComparer.Instance).ToList();
        var setOf = new Dictionary<string, string>(StringComparer.Ordinal); // member -> primary it names
        foreach (var f in sorted.Where(f => f.Kind == FileKind.Hardlink))
        {
            var target = PathRules.Normalize(f.LinkTarget, $"hardlink {f.Path}");
            if (!files.TryGetValue(target, out var t) || t.Kind is not (FileKind.Regular or FileKind.Hardlink))
                throw new UsageException($"file {Printable.Escape(f.Path)}: hardlink target {Printable.Escape(target)} is not a regular file of the package");
            setOf[f.Path] = target;
        }
        if (setOf.Count == 0)
            return sorted.ToImmutableArray();

        var named = new HashSet<string>(setOf.Values, StringComparer.Ordinal);
        string Root(string p) => setOf.TryGetValue(p, out var t) && t != p ? Root(t) : p;
        var primaryOfSet = new Dictionary<string, string>(StringComparer.Ordinal); // set root -> first member in order
        foreach (var f in sorted.Where(f => f.Kind is FileKind.Regular or FileKind.Hardlink))
        {
            var root = Root(f.Path);
            if (root != f.Path || named.Contains(f.Path))
                primaryOfSet.TryAdd(root, f.Path);
        }

        var result = ImmutableArray.CreateBuilder<PackageFile>(sorted.Count);
        foreach (var f in sorted)
        {
            if (f.Kind is not (FileKind.Regular or FileKind.Hardlink) || !primaryOfSet.TryGetValue(Root(f.Path), out var primary))
            {
                result.Add(f);
                continue;
            }
            var data = files[Root(f.Path)];
            result.Add(f.Path == primary
                ? f with { Kind = FileKind.Regular, LinkTarget = "", Size = data.Size, Source = data.Source }
                : f with { Kind = FileKind.Hardlink, LinkTarget = primary, Size = data.Size, Source = data.Source });
        }
        return result.MoveToImmutable();
    }

    private static void CheckConfigFiles(ImmutableArray<PackageFile> files)
    {
        foreach (var f in files.Where(f => f.IsConfig && f.Kind != FileKind.Regular))
            throw new UsageException($"config file {Printable.Escape(f.Path)}: is a {f.Kind.ToString().ToLowerInvariant()}: only regular files can be configuration files");
    }

    private static PackageMetadata CleanMetadata(PackageMetadata m, string name)
    {
        var summary = string.IsNullOrWhiteSpace(m.Summary) ? name : m.Summary.Trim();
        if (summary.Contains('\n'))
            throw new UsageException("summary: must be one line: put longer text in description");
        // Each of these is one control-file field or one rpm header string: a line break would start a new
        // field (deb822) or put an unreadable value in rpm -qi; only the description has several lines.
        foreach (var (field, value) in new[] { ("maintainer", m.Maintainer), ("license", m.License), ("homepage", m.Homepage),
                     ("section", m.Section), ("priority", m.Priority), ("group", m.Group), ("vendor", m.Vendor) })
            if (value.IndexOfAny(['\n', '\r', '\0']) >= 0)
                throw new UsageException($"{field}: '{Printable.Escape(value)}' must be a single line");
        return m with
        {
            Summary = summary,
            Description = string.IsNullOrWhiteSpace(m.Description) ? summary : m.Description.TrimEnd(),
            Maintainer = string.IsNullOrWhiteSpace(m.Maintainer) ? "Unknown <unknown@localhost>" : m.Maintainer.Trim(),
        };
    }
}
