using System.Collections.Immutable;
using Pkgify.Core.Model;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// FILEINODES, which the payload repeats as each cpio member's <c>ino</c>. rpm uses them only to tell which
/// files form a hardlink set ("Inode numbers: any", formats.md §2.10), so any unique numbers will do.
/// rpmbuild's are header index + 1, kept for every file outside the model's cacheable trees. A file below
/// such a tree gets a number that depends only on its position within the tree, so that an added or removed
/// application file does not shift the bytes of the tree's payload segment and its cached compressed
/// form stays valid: tree <c>t</c>'s files are numbered from <see cref="TreeBase"/> + t ×
/// <see cref="TreeSpan"/>, above every index-based number and below 2^31 (FILEINODES is INT32).
/// </summary>
internal sealed class RpmInodeNumbers
{
    /// <summary>2^30: above any header index (a package of a billion files is not one rpm can install).</summary>
    private const int TreeBase = 1 << 30;

    /// <summary>2^26 numbers per tree, so 16 trees fit below 2^31.</summary>
    private const int TreeSpan = 1 << 26;

    private const int MaxTrees = (int.MaxValue - TreeBase) / TreeSpan;

    /// <summary>Per file: the index of the first file of its tree, or -1 outside every tree; and the tree's number.</summary>
    private readonly (int First, int Tree)[] _place;

    /// <param name="files">The files in header order (sorted by path, so each tree's files are contiguous).</param>
    /// <param name="trees">The model's cacheable trees.</param>
    public RpmInodeNumbers(IReadOnlyList<PackageFile> files, ImmutableArray<string> trees)
    {
        if (trees.Length > MaxTrees)
            throw new ArgumentException($"at most {MaxTrees} cacheable trees can be numbered", nameof(trees));
        if (files.Count >= TreeBase)
            throw new ArgumentException($"an rpm of {files.Count} files is beyond what its inode numbering supports", nameof(files));
        _place = new (int, int)[files.Count];
        var first = new int[trees.Length];
        Array.Fill(first, -1);
        for (int i = 0; i < files.Count; i++)
        {
            int t = trees.IndexOf(trees.FirstOrDefault(tree => files[i].Path.StartsWith(tree + "/", StringComparison.Ordinal)) ?? "");
            if (t < 0)
            {
                _place[i] = (-1, -1);
                continue;
            }
            if (first[t] < 0)
                first[t] = i;
            if (i - first[t] >= TreeSpan)
                throw new ArgumentException($"cacheable tree {trees[t]} holds more than {TreeSpan} files", nameof(files));
            _place[i] = (first[t], t);
        }
    }

    /// <summary>The number of the hardlink set (or single file) whose first member is file <paramref name="primary"/>.</summary>
    public int Of(int primary)
    {
        var (first, tree) = _place[primary];
        return first < 0 ? primary + 1 : TreeBase + tree * TreeSpan + (primary - first) + 1;
    }
}
