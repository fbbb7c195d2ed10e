using Pkgify.Core.Model;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// The files an rpm carries, derived from the model once: which files the package owns, their order in the
/// header arrays and in the payload, the DIRNAMES/BASENAMES split, inode numbers and hardlink sets.
/// </summary>
internal sealed class RpmFileTable
{
    // st_mode file type bits (inode(7)).
    private const int TypeRegular = 0x8000, TypeDirectory = 0x4000, TypeSymlink = 0xA000;
    private const int PermissionBits = 0xFFF;

    /// <summary>
    /// rpm switches to LONGFILESIZES, the stripped payload and rpmlib(LargeFiles) when a file's size reaches
    /// UINT32_MAX (`rpm: build/files.c` "fl->largeFiles" test is <c>&gt;= UINT32_MAX</c>).
    /// </summary>
    public const long LargeFileThreshold = uint.MaxValue;

    private RpmFileTable(List<RpmFileEntry> files, List<string> dirNames, List<RpmFileEntry> payloadOrder)
    {
        Files = files;
        DirNames = dirNames;
        PayloadOrder = payloadOrder;
    }

    /// <summary>Files in header order: the model's order, which is sorted by UTF-8 path bytes as rpmbuild sorts.</summary>
    public IReadOnlyList<RpmFileEntry> Files { get; }

    /// <summary>DIRNAMES: each directory once, with its trailing '/', in order of first use.</summary>
    public IReadOnlyList<string> DirNames { get; }

    /// <summary>
    /// Payload order (formats.md §2.10): files outside hardlink sets in header order, then each hardlink set
    /// (sets ordered by their first member), its members in header order with the data on the last.
    /// </summary>
    public IReadOnlyList<RpmFileEntry> PayloadOrder { get; }

    /// <summary>True when some file is at least <see cref="LargeFileThreshold"/> bytes.</summary>
    public bool HasLargeFiles => Files.Any(f => f.File.Size >= LargeFileThreshold);

    /// <summary>True when the package has hardlink sets (needs rpmlib(PartialHardlinkSets)).</summary>
    public bool HasHardlinks => Files.Any(f => f.IsHardlinked);

    /// <summary>True when some file is %config (then rpmbuild adds the config(name) provide and require).</summary>
    public bool HasConfigFiles => Files.Any(f => (f.RpmFlags & RpmFileFlags.Config) != 0);

    /// <summary>
    /// SIZE / LONGSIZE: the installed size as rpmbuild counts it (`build/files.c`): the sizes of regular files,
    /// each hardlinked inode once, plus the length of each symlink's target; directories count nothing.
    /// </summary>
    public long InstalledSize => Files.Where(f => f.File.Kind != FileKind.Directory && f.CarriesData).Sum(f => f.File.Size);

    /// <summary>
    /// The files the package owns: every model file except the parent directories added only to complete the
    /// tree (<see cref="FileFlags.ImplicitParent"/>: /opt, /etc, /usr/lib/systemd/system...), which belong to the
    /// distribution's <c>filesystem</c> package; rpm creates missing parents when it installs. Files meant for
    /// the .deb only are left out too.
    /// </summary>
    public static RpmFileTable From(PackageModel model)
    {
        var owned = model.FilesFor(PackageFamily.Rpm).Where(f => !f.IsImplicitParent).ToList();
        // Hardlink sets: the model gives every member but the primary a LinkTarget naming the primary. Arrays
        // indexed by file, not maps: for 100,000 files the maps were tens of MB at the run's peak.
        var setOf = HardlinkSets(owned);
        var setSize = new int[owned.Count];
        var lastOfSet = new int[owned.Count];
        for (int i = 0; i < owned.Count; i++)
        {
            setSize[setOf[i]]++;
            lastOfSet[setOf[i]] = i;
        }

        var inodes = new RpmInodeNumbers(owned, model.CacheableTrees);
        var dirNames = new List<string>();
        var dirIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        var files = new List<RpmFileEntry>(owned.Count);
        for (int i = 0; i < owned.Count; i++)
        {
            var f = owned[i];
            int slash = f.Path.LastIndexOf('/');
            string dir = f.Path[..(slash + 1)];
            if (!dirIndex.TryGetValue(dir, out int di))
            {
                di = dirNames.Count;
                dirIndex[dir] = di;
                dirNames.Add(dir);
            }
            int linkCount = f.Kind is FileKind.Regular or FileKind.Hardlink ? setSize[setOf[i]] : 1;
            files.Add(new RpmFileEntry(f, i, di, f.Path[(slash + 1)..], ModeOf(f), inodes.Of(setOf[i]), linkCount,
                CarriesData: linkCount == 1 || lastOfSet[setOf[i]] == i, FlagsOf(f)));
        }

        var payload = files.Where(f => !f.IsHardlinked)
            .Concat(files.Where(f => f.IsHardlinked).GroupBy(f => f.Inode).SelectMany(set => set))
            .ToList();
        return new RpmFileTable(files, dirNames, payload);
    }

    /// <summary>For each file, the index of its hardlink set's primary member (itself when not hardlinked).</summary>
    private static int[] HardlinkSets(List<PackageFile> owned)
    {
        var setOf = new int[owned.Count];
        for (int i = 0; i < owned.Count; i++)
            setOf[i] = i;
        if (!owned.Any(f => f.Kind == FileKind.Hardlink))
            return setOf;
        var indexOf = new Dictionary<string, int>(owned.Count, StringComparer.Ordinal);
        for (int i = 0; i < owned.Count; i++)
            indexOf[owned[i].Path] = i;
        for (int i = 0; i < owned.Count; i++)
            if (owned[i].Kind == FileKind.Hardlink && indexOf.TryGetValue(owned[i].LinkTarget, out int primary))
                setOf[i] = primary;
        return setOf;
    }

    private static int ModeOf(PackageFile f) => (f.Mode & PermissionBits) | f.Kind switch
    {
        FileKind.Directory => TypeDirectory,
        FileKind.Symlink => TypeSymlink,
        _ => TypeRegular,
    };

    /// <summary>
    /// FILEFLAGS: Config+NoReplace is %config(noreplace) (17), Config alone plain %config (1), Doc %doc (2),
    /// License %license (128) (`rpm: include/rpm/rpmfiles.h` rpmfileAttrs_e).
    /// </summary>
    private static int FlagsOf(PackageFile f)
    {
        int flags = RpmFileFlags.None;
        if ((f.Flags & FileFlags.Config) != 0)
            flags |= RpmFileFlags.Config | ((f.Flags & FileFlags.NoReplace) != 0 ? RpmFileFlags.NoReplace : 0);
        if ((f.Flags & FileFlags.Doc) != 0)
            flags |= RpmFileFlags.Doc;
        if ((f.Flags & FileFlags.License) != 0)
            flags |= RpmFileFlags.License;
        return flags;
    }
}
