using System.Text;
using Pkgify.Core.Output;
using Pkgify.Formats.OpenPgp;

namespace Pkgify.Core.Repositories.Apt;

/// <summary>
/// The by-hash files of a distribution's last Release generations, newest first (formats.md §3.5: keep the
/// previous generation's by-hash files for a while after publishing new indices). A generation is the set of
/// by-hash paths one Release names; re-publishing the same indexes is not a new one.
/// <para>
/// The record lives in <see cref="StateName"/> under dists/&lt;dist&gt;/ and is completed from the Release and
/// InRelease on disk when loaded: those name what clients may hold right now, so a run killed after renaming
/// Release but before saving the record, or a lost record, never lets a referenced file be pruned.
/// </para>
/// </summary>
public sealed class ByHashGenerations
{
    /// <summary>
    /// Generations whose by-hash files stay: the current one and the two before it. A client that read
    /// InRelease just before a publish fetches the indexes it names seconds to minutes later; two older
    /// generations also cover publishes in quick succession (a CI pipeline releasing twice) and mirrors that
    /// sync between them, as Debian's archive keeps unreferenced by-hash files for a while. A count rather than
    /// an age keeps the repository's content independent of the clock.
    /// </summary>
    public const int Kept = 3;

    /// <summary>The record's file name in dists/&lt;dist&gt;/; a dot name: pkgify's bookkeeping, nothing apt reads.</summary>
    public const string StateName = ".pkgify-by-hash";

    /// <summary>Far above any real record (a few hundred bytes per index); a larger file is not ours and is ignored.</summary>
    private const long MaxStateBytes = 16L << 20;

    private const string Comment = "#";
    private const string Header = "# pkgify repo apt: by-hash files of the last Release generations, newest first, a blank line between generations\n";

    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    private readonly List<SortedSet<string>> _generations;

    private ByHashGenerations(List<SortedSet<string>> generations) => _generations = generations;

    /// <summary>The generations, newest first, each a set of by-hash paths relative to dists/&lt;dist&gt;/.</summary>
    public IReadOnlyList<IReadOnlySet<string>> Generations => _generations;

    /// <summary>Reads the record of <paramref name="distDirectory"/> and puts what its Release and InRelease name first.</summary>
    public static ByHashGenerations Load(string distDirectory)
    {
        var generations = ReadState(Path.Combine(distDirectory, StateName));
        var onDisk = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var text in ReleaseTexts(distDirectory))
        {
            onDisk.UnionWith(Referenced(text));
        }

        var record = new ByHashGenerations(generations);
        record.Add(onDisk);
        return record;
    }

    /// <summary>The by-hash paths that Release text <paramref name="releaseText"/> names; none when it cannot be parsed.</summary>
    public static IEnumerable<string> Referenced(string releaseText)
    {
        try
        {
            return ReleaseEntries.Parse(releaseText).SelectMany(ByHashLayout.PathsFor).Select(p => p.Path).ToList();
        }
        catch (InvalidDataException)
        {
            return [];
        }
    }

    /// <summary>Makes <paramref name="paths"/> the newest generation (unless it already is) and forgets those past <see cref="Kept"/>.</summary>
    public void Add(IEnumerable<string> paths)
    {
        var generation = new SortedSet<string>(paths, StringComparer.Ordinal);
        if (generation.Count == 0 || (_generations.Count > 0 && _generations[0].SetEquals(generation)))
        {
            return;
        }

        _generations.Insert(0, generation);
        if (_generations.Count > Kept)
        {
            _generations.RemoveRange(Kept, _generations.Count - Kept);
        }
    }

    /// <summary>Writes the record (temp file and rename, like every file pkgify publishes).</summary>
    public void Save(string distDirectory)
    {
        var text = new StringBuilder(Header);
        foreach (var generation in _generations)
        {
            text.Append('\n');
            foreach (var path in generation)
            {
                text.Append(path).Append('\n');
            }
        }

        AtomicFile.Write(Path.Combine(distDirectory, StateName), (stream, _) => stream.Write(Utf8.GetBytes(text.ToString())));
    }

    /// <summary>
    /// Deletes, in ordinal order, every file in a by-hash directory of <paramref name="distDirectory"/> that no
    /// kept generation names, then the directories that leaves empty (by-hash/&lt;hash&gt;, by-hash, and a
    /// binary-&lt;arch&gt; no longer published). Call it only once the new InRelease is in place. A distribution
    /// nested below this one (dists/stable/updates/, sources.list(5) allows '/' in a suite) keeps its own files.
    /// </summary>
    public void RemoveUnreferenced(string distDirectory)
    {
        if (!Directory.Exists(distDirectory))
        {
            return;
        }

        var kept = _generations.SelectMany(g => g).ToHashSet(StringComparer.Ordinal);
        var byHashDirectories = Directory.EnumerateDirectories(distDirectory, ByHashLayout.DirectoryName, SearchOption.AllDirectories)
            .Where(d => !InNestedDistribution(distDirectory, d))
            .Order(StringComparer.Ordinal).ToList();
        foreach (var byHash in byHashDirectories)
        {
            foreach (var list in Directory.EnumerateDirectories(byHash).Order(StringComparer.Ordinal).ToList())
            {
                StaleTemps.RemoveFiles(list, ByHashWriter.TempPrefix);
                foreach (var file in Directory.EnumerateFiles(list).Order(StringComparer.Ordinal).ToList())
                {
                    var name = Path.GetFileName(file);
                    if (!name.StartsWith('.') && !kept.Contains(RepositoryFiles.Relative(distDirectory, file)))
                    {
                        File.Delete(file);
                    }
                }

                DeleteIfEmpty(list);
            }

            DeleteIfEmpty(byHash);
            DeleteIfEmpty(Path.GetDirectoryName(byHash)!);
        }
    }

    private static List<SortedSet<string>> ReadState(string path)
    {
        var generations = new List<SortedSet<string>>();
        var info = new FileInfo(path);
        if (!info.Exists || info.Length > MaxStateBytes)
        {
            return generations;
        }

        SortedSet<string>? current = null;
        foreach (var line in File.ReadAllText(path, Utf8).Split('\n'))
        {
            if (line.StartsWith(Comment, StringComparison.Ordinal))
            {
                continue;
            }

            if (line.Length == 0)
            {
                current = null;
                continue;
            }

            if (current is null)
            {
                current = new SortedSet<string>(StringComparer.Ordinal);
                generations.Add(current);
            }

            current.Add(line);
        }

        return generations;
    }

    private static IEnumerable<string> ReleaseTexts(string distDirectory)
    {
        var release = Path.Combine(distDirectory, ReleaseWriter.ReleaseName);
        if (File.Exists(release))
        {
            yield return File.ReadAllText(release, Utf8);
        }

        var inRelease = Path.Combine(distDirectory, ReleaseWriter.InReleaseName);
        if (File.Exists(inRelease) && ClearSignedText(File.ReadAllText(inRelease, Utf8)) is { } text)
        {
            yield return text;
        }
    }

    private static string? ClearSignedText(string inRelease)
    {
        try
        {
            return OpenPgpCleartextReader.Read(inRelease).Text;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static bool InNestedDistribution(string distDirectory, string byHash)
    {
        var root = Path.GetFullPath(distDirectory).TrimEnd(Path.DirectorySeparatorChar);
        for (var d = Path.GetDirectoryName(Path.GetFullPath(byHash)); d is not null && d.Length > root.Length; d = Path.GetDirectoryName(d))
        {
            if (File.Exists(Path.Combine(d, ReleaseWriter.ReleaseName)) || File.Exists(Path.Combine(d, ReleaseWriter.InReleaseName)))
            {
                return true;
            }
        }

        return false;
    }

    private static void DeleteIfEmpty(string directory)
    {
        if (Directory.Exists(directory) && !Directory.EnumerateFileSystemEntries(directory).Any())
        {
            Directory.Delete(directory);
        }
    }
}
