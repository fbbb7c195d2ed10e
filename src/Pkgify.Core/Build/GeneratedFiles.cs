using Pkgify.Core.Config;
using Pkgify.Core.Model;
using Pkgify.Core.Templates;
using Pkgify.Formats.Compression;

namespace Pkgify.Core.Build;

/// <summary>
/// The files pkgify writes from templates and config: the systemd unit, the environment file, the
/// configuration files, the nginx site, /usr/share/doc/&lt;name&gt;/ and lintian overrides.
/// </summary>
public static class GeneratedFiles
{
    private const int Readable = 0x1A4;   // 0644
    private const int Secret = 0x1A0;     // 0640: configuration may hold credentials; group = the service's
    private const int Directory = 0x1ED;  // 0755

    /// <summary>systemd's directory for units shipped by packages; searched on Debian and RPM systems alike.</summary>
    public const string UnitDirectory = "/usr/lib/systemd/system";

    public static IEnumerable<PackageFile> Create(ProjectConfig config, TemplateRenderer renderer, TemplateContext ctx, long time)
    {
        var paths = ctx.Paths;
        PackageFile Text(string path, string text, int mode = Readable, FileFlags flags = FileFlags.None) =>
            new(path, FileKind.Regular, mode, time, System.Text.Encoding.UTF8.GetByteCount(text), GeneratedFileSource.FromText(text), Flags: flags);
        PackageFile Dir(string path) => new(path, FileKind.Directory, Directory, time);
        const FileFlags conffile = FileFlags.Config | FileFlags.NoReplace;

        yield return Dir(paths.Root);
        yield return Dir(paths.Config);
        yield return Dir(paths.Doc);
        yield return Text($"{UnitDirectory}/{ctx.Service.Unit}", renderer.Render(TemplateNames.SystemdUnit, ctx));
        // The environment file and the config entries are root's to write and the service's to read: owned
        // root:<service group> (rpm's %pre and the Debian postinst create the account; see templates).
        yield return Text(config.Service.EnvironmentFile, renderer.Render(TemplateNames.Environment, ctx), Secret, conffile) with { Group = config.Service.Group };
        foreach (var entry in config.Config)
        {
            var size = new FileInfo(entry.Source).Length;
            yield return new PackageFile(entry.Dest, FileKind.Regular, (int)entry.Mode, time, size, new DiskFileSource(entry.Source),
                Group: config.Service.Group, Flags: conffile);
        }
        if (ctx.Nginx is not null)
        {
            var site = renderer.Render(TemplateNames.NginxSite, ctx);
            // Each family's own convention for sites: Debian's sites-available (enabled with a symlink), RPM's conf.d.
            yield return Text($"/etc/nginx/sites-available/{ctx.Name}", site, flags: conffile | FileFlags.OnlyDeb);
            yield return Text($"/etc/nginx/conf.d/{ctx.Name}.conf", site, flags: conffile | FileFlags.OnlyRpm);
        }
        if (ctx.Wsgi is { ScriptLink: { } link, ScriptTarget: { } target })
        {
            yield return Dir(Path.GetDirectoryName(link)!);
            yield return new PackageFile(link, FileKind.Symlink, 0x1FF, time, LinkTarget: target);
        }
        yield return Text($"{paths.Doc}/copyright", renderer.Render(TemplateNames.Copyright, ctx), flags: FileFlags.Doc);
        yield return Text($"{paths.Doc}/bundled-python-distributions.txt", BundledList(ctx), flags: FileFlags.Doc);
        // Debian Policy §12.7: a non-native package's changelog is changelog.Debian.gz, compressed with gzip -9n.
        yield return Gzipped($"{paths.Doc}/changelog.Debian.gz", renderer.Render(TemplateNames.Changelog, ctx), time);
        yield return Text($"/usr/share/lintian/overrides/{ctx.Name}", renderer.Render(TemplateNames.LintianOverrides, ctx), flags: FileFlags.OnlyDeb);
    }

    private static string BundledList(TemplateContext ctx)
    {
        var sb = new System.Text.StringBuilder($"Python distributions bundled in {ctx.Paths.Venv}\n\n");
        foreach (var d in ctx.Bundled)
            sb.Append(d.Name).Append(' ').Append(d.Version).Append("  (").Append(d.License).Append(")\n");
        return sb.ToString();
    }

    private static PackageFile Gzipped(string path, string text, long time)
    {
        using var buffer = new MemoryStream();
        using (var gz = CompressionCodec.OpenEncoder(buffer, new CompressionOptions(CompressionKind.Gzip, 9, Threads: 1), leaveOpen: true))
            gz.Write(System.Text.Encoding.UTF8.GetBytes(text));
        var bytes = buffer.ToArray();
        return new PackageFile(path, FileKind.Regular, Readable, time, bytes.Length,
            new GeneratedFileSource(System.Collections.Immutable.ImmutableArray.Create(bytes)), Flags: FileFlags.Doc | FileFlags.OnlyDeb);
    }
}
