using System.Security.Cryptography;
using System.Text;
using Pkgify.Core.Diagnostics;
using Pkgify.Core.Model;
using Pkgify.Core.Output;
using Pkgify.Core.Writers.Segments;
using Pkgify.Formats.Ar;
using Pkgify.Formats.Compression;
using Pkgify.Formats.Tar;

namespace Pkgify.Core.Writers.Deb;

public sealed record DebWriterOptions(CompressionOptions Compression)
{
    /// <summary>
    /// A control stanza rendered from a (possibly user-overridden) template. It must name the model's
    /// package, version and architecture; null means the writer renders the stanza itself.
    /// </summary>
    public string? ControlText { get; init; }

    /// <summary>Reuses the compressed bytes of the model's cacheable trees between builds; null compresses them every time.</summary>
    public Segments.SegmentCache? SegmentCache { get; init; }

    /// <summary>xz for both members, as dpkg-deb 1.21 does; readable by every supported Debian and Ubuntu (formats.md §1.5).</summary>
    public static readonly DebWriterOptions Default = new(CompressionOptions.Default(CompressionKind.Xz));
}

/// <summary>
/// Writes a binary .deb (deb(5)): an ar archive of <c>debian-binary</c>, <c>control.tar.*</c> and
/// <c>data.tar.*</c>, in that order (dpkg's extract.c rejects any other). Tars are GNU format, never PAX
/// (dpkg refuses PAX headers, formats.md §1.4), with <c>./</c>-prefixed names and root ownership unless
/// the model says otherwise. data.tar is streamed through the compressor into a scratch file while md5sums
/// are computed in the same pass; control.tar (small) is then built and the ar assembled around both.
/// </summary>
public sealed class DebWriter : IPackageWriter
{
    private const string DebianBinary = "2.0\n";
    private const int ScratchBufferSize = 1 << 16;
    private readonly DebWriterOptions _options;

    public DebWriter(DebWriterOptions options) => _options = options;

    public PackageFamily Family => PackageFamily.Deb;

    public string FileName(PackageModel model) =>
        $"{model.Identity.Name}_{model.Identity.Version.DebFileName}_{model.Identity.Architecture.Deb}.deb";

    public void Write(PackageModel model, Stream output, ScratchSpace scratch, Action<long>? payloadRead = null)
    {
        var suffix = CompressionCodec.FileSuffix(_options.Compression.Kind);
        using var dataFile = ScratchFile(scratch, "data.tar");
        // md5sums grows with the file count (6 MB for 100,000 files): it waits in a scratch file, not in memory.
        using var md5sums = ScratchFile(scratch, "md5sums");
        using (PhaseTimer.Start("deb: data.tar (read, md5, compress)"))
        using (var compressor = new PayloadSegmenting(model.CacheableTrees, _options.SegmentCache, scratch).Open(dataFile, _options.Compression))
        {
            DataTar.Write(model, compressor, md5sums, payloadRead);
            compressor.Finish();
        }

        using var assemble = PhaseTimer.Start("deb: control.tar, ar");
        md5sums.Position = 0;
        var control = ControlTar.Build(model, ControlText(model), md5sums, _options.Compression);
        dataFile.Position = 0;
        using var ar = new ArWriter(output, model.BuildTime, leaveOpen: true);
        ar.WriteMember("debian-binary", Encoding.ASCII.GetBytes(DebianBinary));
        ar.WriteMember("control.tar" + suffix, control);
        ar.WriteMember("data.tar" + suffix, dataFile, dataFile.Length);
    }

    private static FileStream ScratchFile(ScratchSpace scratch, string purpose) =>
        new(scratch.NewFile(purpose), FileMode.CreateNew, FileAccess.ReadWrite, FileShare.None, ScratchBufferSize);

    private string ControlText(PackageModel model)
    {
        var installedSize = InstalledSize.KiB(model.FilesFor(PackageFamily.Deb));
        if (_options.ControlText is not { } text)
            return DebControlFile.Render(model, installedSize);
        DebControlFile.CheckAgrees(text, model);
        return text.EndsWith('\n') ? text : text + "\n";
    }

    /// <summary>data.tar: the installed tree.</summary>
    private static class DataTar
    {
        /// <summary>Writes the entries, and the md5sums file (deb-md5sums(5)) to <paramref name="md5sums"/>.</summary>
        public static void Write(PackageModel model, SegmentedPayloadStream destination, Stream md5sums, Action<long>? payloadRead)
        {
            var regular = model.FilesFor(PackageFamily.Deb).Where(f => f.Kind == FileKind.Regular).ToList();
            using var prefetcher = new PayloadPrefetcher(regular, HashAlgorithmName.MD5, onRead: payloadRead);
            using var tar = new GnuTarWriter(destination, leaveOpen: true);
            tar.WriteEntry(new TarEntryHeader("./", TarEntryType.Directory, 0x1ED, model.BuildTime, 0));
            foreach (var f in model.FilesFor(PackageFamily.Deb))
            {
                var header = HeaderFor(f);
                destination.BeforeEntry(f.Path);
                if (f.Kind != FileKind.Regular)
                {
                    tar.WriteEntry(header);
                    continue;
                }
                using var source = prefetcher.Next();
                tar.WriteEntry(header, source);
                AppendMd5sumsLine(md5sums, source.HexDigest(), f.RelativePath);
            }
            destination.AfterEntries();
            tar.Finish();
        }

        /// <summary>deb-md5sums(5): the hex digest, two spaces, the path without its leading '/', a newline.</summary>
        private static void AppendMd5sumsLine(Stream md5sums, string digest, string path)
        {
            md5sums.Write(Encoding.ASCII.GetBytes(digest));
            md5sums.Write("  "u8);
            md5sums.Write(Encoding.UTF8.GetBytes(path));
            md5sums.Write("\n"u8);
        }

        private static TarEntryHeader HeaderFor(PackageFile f) => f.Kind switch
        {
            FileKind.Directory => Header(f, "./" + f.RelativePath + "/", TarEntryType.Directory, 0),
            FileKind.Symlink => Header(f, "./" + f.RelativePath, TarEntryType.Symlink, 0) with { LinkName = f.LinkTarget },
            FileKind.Hardlink => Header(f, "./" + f.RelativePath, TarEntryType.Hardlink, 0) with { LinkName = "./" + f.LinkTarget.TrimStart('/') },
            _ => Header(f, "./" + f.RelativePath, TarEntryType.Regular, f.Size),
        };

        /// <summary>
        /// Numeric ids are always 0: only root's id is known in advance, and dpkg (tarfn.c) prefers the
        /// owner and group names when they resolve on the target, so the build host's ids never leak in.
        /// </summary>
        private static TarEntryHeader Header(PackageFile f, string name, TarEntryType type, long size) =>
            new(name, type, f.Mode, f.MTime, size, Uid: 0, Gid: 0, UserName: f.Owner, GroupName: f.Group);
    }

    /// <summary>control.tar: control, md5sums, conffiles and maintainer scripts (deb(5)).</summary>
    private static class ControlTar
    {
        private const int DataMode = 0x1A4;   // 0644, as dpkg-deb packs control files
        private const int ScriptMode = 0x1ED; // 0755: dpkg-deb requires scripts between 0555 and 0775

        private static readonly (ScriptPhase Phase, string Name)[] ScriptNames =
        {
            (ScriptPhase.PreInstall, "preinst"),
            (ScriptPhase.PostInstall, "postinst"),
            (ScriptPhase.PreRemove, "prerm"),
            (ScriptPhase.PostRemove, "postrm"),
        };

        /// <param name="md5sums">The md5sums file, positioned at its start; left open.</param>
        public static byte[] Build(PackageModel model, string control, Stream md5sums, CompressionOptions compression)
        {
            var members = new SortedDictionary<string, (Stream Data, int Mode)>(StringComparer.Ordinal)
            {
                ["control"] = (Utf8(control), DataMode),
            };
            if (md5sums.Length > 0)
                members["md5sums"] = (md5sums, DataMode);
            var conffiles = string.Concat(model.FilesFor(PackageFamily.Deb).Where(f => f.IsConfig).Select(f => f.Path + "\n"));
            if (conffiles.Length > 0)
                members["conffiles"] = (Utf8(conffiles), DataMode);
            foreach (var (phase, name) in ScriptNames)
            {
                if (model.Deb.Scripts.Get(phase) is { } script)
                    members[name] = (Utf8(script.Body), ScriptMode);
            }

            using var buffer = new MemoryStream();
            using (var compressor = CompressionCodec.OpenEncoder(buffer, compression, leaveOpen: true))
            using (var tar = new GnuTarWriter(compressor, leaveOpen: true))
            {
                tar.WriteEntry(new TarEntryHeader("./", TarEntryType.Directory, 0x1ED, model.BuildTime, 0));
                foreach (var (name, (data, mode)) in members)
                    tar.WriteEntry(new TarEntryHeader("./" + name, TarEntryType.Regular, mode, model.BuildTime, data.Length - data.Position), data);
                tar.Finish();
            }
            return buffer.ToArray();
        }

        private static MemoryStream Utf8(string s) => new(Encoding.UTF8.GetBytes(s), writable: false);
    }
}
