using System.Security.Cryptography;
using System.Text;
using Pkgify.Core.Config;
using Pkgify.Core.Output;
using Pkgify.Core.Python;

namespace Pkgify.Core.Build;

/// <summary>
/// Built, relocated and compiled virtualenvs kept between builds, so that an application-only change
/// does not rebuild them. The key covers everything the venv's content depends on: the interpreter
/// (path and version), the requirements file's bytes, every wheelhouse file's name and hash, the index
/// URL, the target path, and pip's configuration from the environment. A venv is built under a temp name
/// and renamed into place only when complete, so an interrupted build never leaves a bad cache entry.
/// </summary>
public sealed class VenvCache
{
    private const int FormatVersion = 1;

    public VenvCache(string root) => Root = root;

    public string Root { get; }

    public static VenvCache Default() => new(Path.Combine(Pkgify.Core.IO.CacheRoot.Resolve(), "venvs"));

    public static string Key(ProjectConfig config, PythonInterpreter interpreter, string targetPrefix)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Add(string label, string value) => hash.AppendData(Encoding.UTF8.GetBytes($"{label}\0{value}\0"));
        Add("format", FormatVersion.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Add("python", interpreter.Path + " " + interpreter.Version);
        Add("target", targetPrefix);
        Add("index", config.IndexUrl ?? "");
        if (config.Requirements is not null)
            AddRequirementFiles(hash, config.Requirements);
        if (config.Wheelhouse is not null && Directory.Exists(config.Wheelhouse))
        {
            foreach (var wheel in Directory.EnumerateFiles(config.Wheelhouse).OrderBy(f => f, StringComparer.Ordinal))
            {
                Add("wheel", Path.GetFileName(wheel));
                using var f = File.OpenRead(wheel);
                hash.AppendData(SHA256.HashData(f));
            }
        }
        // pip's own configuration from the environment can change what gets installed.
        foreach (var (name, value) in Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>()
                     .Select(e => ((string)e.Key, (string?)e.Value ?? ""))
                     .Where(e => e.Item1.StartsWith("PIP_", StringComparison.Ordinal))
                     .OrderBy(e => e.Item1, StringComparer.Ordinal))
            Add("env " + name, value);
        return Convert.ToHexStringLower(hash.GetCurrentHash())[..32];
    }

    /// <summary>The requirements file and every file it includes with -r, in reading order.</summary>
    private static void AddRequirementFiles(IncrementalHash hash, string path)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>();
        pending.Enqueue(Path.GetFullPath(path));
        while (pending.Count > 0)
        {
            var file = pending.Dequeue();
            if (!seen.Add(file) || !File.Exists(file))
                continue;
            var bytes = File.ReadAllBytes(file);
            hash.AppendData(Encoding.UTF8.GetBytes(file + "\0"));
            hash.AppendData(bytes);
            foreach (var line in Encoding.UTF8.GetString(bytes).Split('\n'))
            {
                var t = line.Trim();
                var include = t.StartsWith("-r ", StringComparison.Ordinal) ? t[3..]
                    : t.StartsWith("--requirement ", StringComparison.Ordinal) ? t[14..]
                    : t.StartsWith("-c ", StringComparison.Ordinal) ? t[3..] : null;
                if (include is not null)
                    pending.Enqueue(Path.GetFullPath(Path.Combine(Path.GetDirectoryName(file)!, include.Trim())));
            }
        }
    }

    public string PathFor(string key) => Path.Combine(Root, key, "venv");

    private static string StagingPrefix(string key) => $".{key}.building-";

    /// <summary>
    /// Returns the cached venv for <paramref name="key"/>, building it with <paramref name="build"/>
    /// (given the directory to build in) when absent. The bool says whether it was reused.
    /// </summary>
    public (string VenvDir, bool Reused) GetOrBuild(string key, Action<string> build)
    {
        var final = PathFor(key);
        if (Directory.Exists(final))
            return (final, true);
        var entry = Path.GetDirectoryName(final)!;
        Directory.CreateDirectory(Root);
        // A killed build leaves its staging directory; the next build of the same key removes it (and its own).
        StaleTemps.RemoveDirectories(Root, StagingPrefix(key));
        var staging = Path.Combine(Root, StagingPrefix(key) + Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        try
        {
            build(Path.Combine(staging, "venv"));
            if (Directory.Exists(entry))
                Directory.Delete(entry, recursive: true);
            Directory.Move(staging, entry);
        }
        finally
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true);
        }
        return (final, false);
    }
}
