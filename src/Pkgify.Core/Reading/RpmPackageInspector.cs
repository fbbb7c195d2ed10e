using System.Globalization;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Reading;

/// <summary>
/// <c>pkgify inspect</c> for any .rpm (ours or rpmbuild's): reads the lead and both headers — never the
/// payload, the file list lives in the header — and describes the package as a <see cref="PackageInspection"/>.
/// Damage surfaces as <see cref="InvalidDataException"/> with a one-line reason.
/// </summary>
public static class RpmPackageInspector
{
    /// <summary>Script phases by rpm's own names and their body/interpreter tags (formats.md §2.9).</summary>
    private static readonly (string Phase, int Body, int Prog)[] Scriptlets =
    [
        ("pretrans", RpmTags.PreTrans, RpmTags.PreTransProg),
        ("pre", RpmTags.PreIn, RpmTags.PreInProg),
        ("post", RpmTags.PostIn, RpmTags.PostInProg),
        ("preun", RpmTags.PreUn, RpmTags.PreUnProg),
        ("postun", RpmTags.PostUn, RpmTags.PostUnProg),
        ("posttrans", RpmTags.PostTrans, RpmTags.PostTransProg),
    ];

    /// <summary>Single-valued tags shown under <see cref="PackageInspection.Fields"/>, by rpm's tag names.</summary>
    private static readonly (string Name, int Tag)[] FieldTags =
    [
        ("NAME", RpmTags.Name), ("VERSION", RpmTags.Version), ("RELEASE", RpmTags.Release), ("EPOCH", RpmTags.Epoch),
        ("SUMMARY", RpmTags.Summary), ("DESCRIPTION", RpmTags.Description), ("BUILDTIME", RpmTags.BuildTime),
        ("BUILDHOST", RpmTags.BuildHost), ("SIZE", RpmTags.Size), ("LONGSIZE", RpmTags.LongSize),
        ("DISTRIBUTION", RpmTags.Distribution), ("VENDOR", RpmTags.Vendor), ("LICENSE", RpmTags.License),
        ("PACKAGER", RpmTags.Packager), ("GROUP", RpmTags.Group), ("URL", RpmTags.Url), ("OS", RpmTags.Os),
        ("ARCH", RpmTags.Arch), ("SOURCERPM", RpmTags.SourceRpm), ("RPMVERSION", RpmTags.RpmVersion),
        ("OPTFLAGS", RpmTags.OptFlags), ("PAYLOADFORMAT", RpmTags.PayloadFormat),
        ("PAYLOADCOMPRESSOR", RpmTags.PayloadCompressor), ("PAYLOADFLAGS", RpmTags.PayloadFlags),
        ("PLATFORM", RpmTags.Platform), ("ENCODING", RpmTags.Encoding), ("FILEDIGESTALGO", RpmTags.FileDigestAlgo),
        ("PAYLOADDIGESTALGO", RpmTags.PayloadDigestAlgo),
    ];

    /// <summary>Reads the package's metadata from the start of <paramref name="input"/>.</summary>
    public static PackageInspection Inspect(Stream input) => Describe(RpmPackageReader.Open(input));

    /// <summary>Describes an opened package.</summary>
    public static PackageInspection Describe(RpmPackage package)
    {
        var h = package.Header;
        string Text(int tag) => h.GetString(tag) ?? "";
        IReadOnlyList<string> Deps(int name, int flags, int version) => RpmDependencyText.Render(h, name, flags, version);
        var files = RpmHeaderFiles.Read(h);
        return new PackageInspection
        {
            Format = "rpm",
            Name = h.GetString(RpmTags.Name) ?? throw new InvalidDataException("rpm header has no NAME"),
            Epoch = (int)(h.GetInteger(RpmTags.Epoch) ?? 0),
            Version = h.GetString(RpmTags.Version) ?? throw new InvalidDataException("rpm header has no VERSION"),
            Release = Text(RpmTags.Release),
            Architecture = Text(RpmTags.Arch),
            Summary = Text(RpmTags.Summary),
            Description = Text(RpmTags.Description),
            Depends = Deps(RpmTags.RequireName, RpmTags.RequireFlags, RpmTags.RequireVersion),
            Recommends = Deps(RpmTags.RecommendName, RpmTags.RecommendFlags, RpmTags.RecommendVersion),
            Suggests = Deps(RpmTags.SuggestName, RpmTags.SuggestFlags, RpmTags.SuggestVersion),
            Provides = Deps(RpmTags.ProvideName, RpmTags.ProvideFlags, RpmTags.ProvideVersion),
            Conflicts = Deps(RpmTags.ConflictName, RpmTags.ConflictFlags, RpmTags.ConflictVersion),
            Obsoletes = Deps(RpmTags.ObsoleteName, RpmTags.ObsoleteFlags, RpmTags.ObsoleteVersion),
            Scripts = ScriptsOf(h),
            Fields = FieldsOf(h),
            DigestAlgorithm = RpmDigestAlgorithms.NameOf(h.GetInteger(RpmTags.FileDigestAlgo)),
            Files = Describe(files),
        };
    }

    private static Dictionary<string, string> ScriptsOf(RpmHeader h)
    {
        var scripts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (phase, body, prog) in Scriptlets)
        {
            // A scriptlet may be an interpreter alone (%postun -p /sbin/ldconfig): it exists with an empty body.
            if (h.Has(body) || h.Has(prog))
                scripts[phase] = h.GetString(body) ?? "";
        }
        return scripts;
    }

    private static Dictionary<string, string> FieldsOf(RpmHeader h)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, tag) in FieldTags)
        {
            var entry = h.GetEntry(tag);
            if (entry is null)
                continue;
            fields[name] = entry.Value switch
            {
                string s => s,
                string[] a => a.Length > 0 ? a[0] : "",
                _ => string.Join(' ', h.GetIntegers(tag).Select(v => v.ToString(CultureInfo.InvariantCulture))),
            };
        }
        return fields;
    }

    /// <summary>
    /// Files as the contract lists them. rpm has no hardlink entries (each member is a regular file sharing
    /// FILEINODES); like the .deb reader, every member after the first is shown as a hardlink to the first.
    /// </summary>
    private static List<InspectedFile> Describe(IReadOnlyList<RpmListedFile> files)
    {
        var firstOfSet = new Dictionary<(long, long), string>();
        var result = new List<InspectedFile>(files.Count);
        foreach (var f in files)
        {
            string type = TypeName(f.Mode);
            string? target = f.IsSymlink ? f.LinkTarget : null;
            if (f.IsRegular && !firstOfSet.TryAdd(f.HardlinkSet, f.Path))
                (type, target) = ("hardlink", firstOfSet[f.HardlinkSet]);
            result.Add(new InspectedFile(f.Path, type, "0" + Convert.ToString(f.Mode & 0xFFF, 8).PadLeft(3, '0'),
                f.Owner, f.Group, f.Size, target, f.Digest.Length > 0 ? f.Digest : null,
                (f.Flags & RpmFileFlags.Config) != 0, f.MTime));
        }
        return result;
    }

    private static string TypeName(int mode) => (mode & 0xF000) switch
    {
        0x8000 => "file",
        0x4000 => "dir",
        0xA000 => "symlink",
        0x2000 => "char",
        0x6000 => "block",
        0x1000 => "fifo",
        _ => "other",
    };
}
