using System.Text;
using System.Text.Json;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Python;

/// <summary>One relocation run: the steps of <see cref="VenvRelocator"/> and what they changed.</summary>
internal sealed class VenvRelocation(string venv, string build, string target)
{
    /// <summary>The scripts python -m venv writes into bin/ (CPython Lib/venv/scripts).</summary>
    private static readonly string[] ActivateScripts = ["activate", "activate.csh", "activate.fish", "Activate.ps1"];

    /// <summary>Small metadata files (activate, pyvenv.cfg, .pth, RECORD) are edited in memory up to this size.</summary>
    private const long MaxTextBytes = 64L << 20;

    private const string HomeKey = "home";
    private const string DirectUrlFile = "direct_url.json";
    private const string RecordFile = "RECORD";

    private readonly PrefixRewriter _prefix = new(build, target);

    /// <summary>Full path of every file changed (its new digest) or removed (null), for RECORD.</summary>
    private readonly Dictionary<string, RecordDigest?> _changed = new(StringComparer.Ordinal);
    private readonly List<string> _rewritten = [];
    private readonly List<string> _removed = [];
    private readonly List<string> _relinked = [];

    /// <summary>Runs every step; RECORD files come after the files they list.</summary>
    public void Run()
    {
        RewriteScripts();
        foreach (var name in ActivateScripts) RewriteText(Path.Combine(venv, "bin", name), _prefix.Rewrite);
        RewriteText(Path.Combine(venv, "pyvenv.cfg"), RewritePyvenvConfig);
        var sites = SitePackages();
        // site.py reads .pth files only at the top of a site-packages directory.
        foreach (var pth in sites.SelectMany(s => Sorted(Directory.GetFiles(s, "*.pth")))) RewriteText(pth, _prefix.Rewrite);
        var distInfos = sites.SelectMany(s => Sorted(Directory.GetDirectories(s, "*.dist-info"))).ToList();
        foreach (var distInfo in distInfos) RemoveBuildDirectUrl(Path.Combine(distInfo, DirectUrlFile));
        foreach (var distInfo in distInfos) RewriteRecord(Path.Combine(distInfo, RecordFile), Path.GetDirectoryName(distInfo)!);
        RelinkSymlinks();
    }

    /// <summary>What the run changed.</summary>
    public RelocationReport Report() => new(Sorted(_rewritten), Sorted(_removed), Sorted(_relinked));

    private void RewriteScripts()
    {
        var bin = Path.Combine(venv, "bin");
        if (!Directory.Exists(bin)) return;
        var shebangs = new ShebangRewriter(_prefix, target);
        foreach (var entry in FileTree.Files(bin).ToList())
        {
            if (shebangs.Rewrite(entry.FullPath) is { } digest) Changed(entry.FullPath, digest);
        }
    }

    /// <summary>pyvenv.cfg: every value naming the build path, except `home`, the interpreter's directory.</summary>
    private byte[]? RewritePyvenvConfig(ReadOnlySpan<byte> content)
    {
        var output = new MemoryStream();
        var changed = false;
        foreach (var line in SplitLinesKeepingEnds(content))
        {
            var key = PyvenvConfig.SplitLine(Encoding.UTF8.GetString(line))?.Key;
            var rewritten = key == HomeKey ? null : _prefix.Rewrite(line);
            changed |= rewritten is not null;
            output.Write(rewritten ?? line);
        }
        return changed ? output.ToArray() : null;
    }

    /// <summary>
    /// direct_url.json (PEP 610) records that a distribution came from a URL rather than from an
    /// index by name. pip writes it only for URL and path requirements, which RequirementsFile
    /// refuses, so a file:// URL into the build directory can only mean a wheel found inside the
    /// build tree. Rewriting it to the install path would claim the wheel lives there; the URL
    /// is meaningless on targets, so the file goes (with its RECORD row) and the distribution
    /// reads as installed by name, which is what the pinned requirement asked for.
    /// </summary>
    private void RemoveBuildDirectUrl(string file)
    {
        if (!File.Exists(file) || new FileInfo(file).Length > MaxTextBytes) return;
        string? url;
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(file));
            url = json.RootElement.ValueKind == JsonValueKind.Object && json.RootElement.TryGetProperty("url", out var value)
                && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        }
        catch (JsonException)
        {
            return; // Not ours to judge; the leak check reports it if it names the build path.
        }
        if (url is null || !url.StartsWith("file:", StringComparison.Ordinal)) return;
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.LocalPath : url;
        if (_prefix.Rewrite(Encoding.UTF8.GetBytes(path)) is null) return;
        File.Delete(file);
        _changed[file] = null;
        _removed.Add(Relative(file));
    }

    /// <summary>
    /// RECORD: absolute paths under the build path move to the target, and the rows of files this
    /// run changed get their new hash and size (or go, for removed files), so that pip and
    /// importlib.metadata see a consistent installation.
    /// </summary>
    private void RewriteRecord(string record, string siteDirectory)
    {
        RewriteText(record, content =>
        {
            var text = Encoding.UTF8.GetString(content);
            var result = DistInfoRecord.Rewrite(text, path => DecideRecordRow(path, siteDirectory));
            return result is null ? null : Encoding.UTF8.GetBytes(result);
        });
    }

    private RecordRowChange DecideRecordRow(string path, string siteDirectory)
    {
        string? newPath = null;
        string onDisk;
        if (Path.IsPathRooted(path) && _prefix.IsPrefixOf(path))
        {
            newPath = target + path[build.Length..];
            onDisk = venv + path[build.Length..];
        }
        else
        {
            onDisk = Path.GetFullPath(Path.Combine(siteDirectory, path));
        }
        if (_changed.TryGetValue(onDisk, out var digest))
            return digest is null ? RecordRowChange.Drop : new RecordRowChange.Update(newPath ?? path, digest);
        return newPath is null ? RecordRowChange.Keep : new RecordRowChange.Update(newPath, null);
    }

    /// <summary>Absolute links into the build tree become relative, so they hold wherever the tree goes.</summary>
    private void RelinkSymlinks()
    {
        foreach (var entry in FileTree.Walk(venv).Where(e => e.Kind == FileTreeEntryKind.Symlink).ToList())
        {
            var linkTarget = new FileInfo(entry.FullPath).LinkTarget!;
            // A link to the system interpreter (bin/python3.X -> /usr/bin/python3.X) stays.
            if (!Path.IsPathRooted(linkTarget) || !_prefix.IsPrefixOf(linkTarget)) continue;
            var linkAtBuild = build + "/" + entry.RelativePath;
            var relative = Path.GetRelativePath(Path.GetDirectoryName(linkAtBuild)!, linkTarget);
            File.Delete(entry.FullPath);
            File.CreateSymbolicLink(entry.FullPath, relative);
            _relinked.Add(entry.RelativePath);
        }
    }

    private delegate byte[]? ContentTransform(ReadOnlySpan<byte> content);

    private void RewriteText(string file, ContentTransform transform)
    {
        if (!File.Exists(file) || new FileInfo(file).LinkTarget is not null) return;
        if (new FileInfo(file).Length > MaxTextBytes)
            throw new BuildException($"{file} is larger than {MaxTextBytes >> 20} MiB, too large for a venv metadata file: check what wrote it");
        var rewritten = transform(File.ReadAllBytes(file));
        if (rewritten is not null) Changed(file, FileReplacer.Replace(file, rewritten));
    }

    private void Changed(string file, RecordDigest digest)
    {
        _changed[file] = digest;
        _rewritten.Add(Relative(file));
    }

    private List<string> SitePackages()
    {
        var lib = Path.Combine(venv, "lib");
        if (!Directory.Exists(lib)) return [];
        return Sorted(Directory.GetDirectories(lib, "python*"))
            .Select(d => Path.Combine(d, "site-packages"))
            .Where(Directory.Exists)
            .ToList();
    }

    private static IEnumerable<byte[]> SplitLinesKeepingEnds(ReadOnlySpan<byte> content)
    {
        var lines = new List<byte[]>();
        while (content.Length > 0)
        {
            var newline = content.IndexOf((byte)'\n');
            var length = newline < 0 ? content.Length : newline + 1;
            lines.Add(content[..length].ToArray());
            content = content[length..];
        }
        return lines;
    }

    private string Relative(string file) => Path.GetRelativePath(venv, file);

    private static List<string> Sorted(IEnumerable<string> items) => items.Order(StringComparer.Ordinal).ToList();
}
