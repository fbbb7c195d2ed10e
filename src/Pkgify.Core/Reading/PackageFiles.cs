using Mono.Unix.Native;
using Pkgify.Core.Errors;
using Pkgify.Core.Validation;

namespace Pkgify.Core.Reading;

/// <summary>
/// Entry points of <c>inspect</c> and <c>verify</c> for any package file: the format is recognised by its
/// magic bytes, not its name. A damaged file ends in <see cref="BuildException"/> (exit 1) with one line.
/// </summary>
public static class PackageFiles
{
    private static readonly byte[] ArMagic = "!<arch>\n"u8.ToArray();
    private static readonly byte[] RpmMagic = { 0xED, 0xAB, 0xEE, 0xDB };

    public static PackageInspection Inspect(string path) =>
        WithFile(path, (stream, kind) => kind switch
        {
            Kind.Deb => DebPackageReader.Read(stream, computeDigests: false).Inspection,
            _ => RpmPackageInspector.Inspect(stream),
        });

    /// <summary>Checks internal consistency; returns the problems found, first one first (empty when sound).</summary>
    public static IReadOnlyList<string> Verify(string path) =>
        WithFile(path, (stream, kind) => kind switch
        {
            Kind.Deb => DebVerifier.Check(DebPackageReader.Read(stream, computeDigests: true)),
            _ => RpmVerifier.Check(stream),
        });

    /// <summary>True when <paramref name="path"/> starts like a .deb (an ar archive); false for an .rpm or anything else.</summary>
    public static bool IsDeb(string path) => WithFile(path, (_, kind) => kind == Kind.Deb);

    private enum Kind { Deb, Rpm }

    private static T WithFile<T>(string path, Func<Stream, Kind, T> read)
    {
        // Opening a FIFO blocks until a writer appears, and a device never ends: only regular files are read.
        if (Syscall.stat(path, out var st) == 0 && (st.st_mode & FilePermissions.S_IFMT) != FilePermissions.S_IFREG
            && (st.st_mode & FilePermissions.S_IFMT) != FilePermissions.S_IFDIR)
            throw new UsageException($"{Printable.Escape(path)}: not a regular file: give the path of a .deb or .rpm file");
        Stream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{path}: cannot be opened ({e.Message}): give the path of a .deb or .rpm file");
        }
        using (stream)
        {
            var magic = new byte[8];
            var n = stream.ReadAtLeast(magic, magic.Length, throwOnEndOfStream: false);
            stream.Position = 0;
            var kind = magic.AsSpan(0, n).SequenceEqual(ArMagic) ? Kind.Deb
                : n >= 4 && magic.AsSpan(0, 4).SequenceEqual(RpmMagic) ? Kind.Rpm
                : throw new BuildException($"{path}: neither a .deb (ar archive) nor an .rpm (lead magic ED AB EE DB)");
            try
            {
                return read(stream, kind);
            }
            catch (Exception e) when (e is InvalidDataException or EndOfStreamException or IOException or NotSupportedException)
            {
                throw new BuildException($"{path}: damaged package: {Printable.Escape(e.Message)}", e);
            }
        }
    }
}
