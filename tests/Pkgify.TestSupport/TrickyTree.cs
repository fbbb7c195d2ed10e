using System.Security.Cryptography;
using System.Text;
using Mono.Unix;
using Mono.Unix.Native;

namespace Pkgify.TestSupport;

/// <summary>
/// The acceptance tree for the .deb and .rpm writers: every shape of entry that archive
/// formats get wrong. Path lengths straddle the ustar limits (100-byte name field,
/// 155-byte prefix; tar(5)) and go past them (300), names are UTF-8, links are relative,
/// absolute and hard, and modes are set with chmod so the umask cannot change them.
/// </summary>
public static class TrickyTree
{
    /// <summary>Lengths (in bytes, relative to the root) of the long file paths.</summary>
    public static readonly IReadOnlyList<int> LongPathLengths = [99, 100, 101, 255, 300];

    /// <summary>Where the absolute symlink points (outside the tree, present on any Debian host).</summary>
    public const string AbsoluteSymlinkTarget = "/etc/hostname";

    /// <summary>The file with a non-ASCII name (NFC, written with escapes to keep it exact).</summary>
    public const string Utf8FilePath = "donn\u00e9es/\u00fcn\u00efc\u00f8d\u00e9-\u65e5\u672c.txt";

    /// <summary>The hard link pair: both names of one inode.</summary>
    public static readonly IReadOnlyList<string> HardlinkPair = ["hard/link", "hard/original"];

    // Long paths are nested directories of this many bytes, well under NAME_MAX (255).
    const int LongComponentLength = 60;

    const int Exec = 0b111_101_101;       // 0755
    const int Regular = 0b110_100_100;    // 0644
    const int Secret = 0b110_000_000;     // 0600
    const int GroupOnly = 0b111_101_000;  // 0750
    const int SymlinkMode = 0b111_111_111; // 0777: Linux symlinks have no modes of their own (symlink(7))

    /// <summary>
    /// Builds the tree under <paramref name="root"/> (which must exist and be empty) and
    /// returns the entries it must contain, in the same form as <see cref="TreeSnapshot.Capture"/>.
    /// </summary>
    public static IReadOnlyList<TreeEntry> Create(string root)
    {
        var spec = Spec();
        foreach (var node in spec)
            Materialize(root, node);
        // chmod after everything exists: creation modes went through the umask, these do not.
        foreach (var node in spec.Where(n => n.Type != 'l'))
            UnixMarshal.ThrowExceptionForLastErrorIf(Syscall.chmod(Path.Combine(root, node.Path), (FilePermissions)node.Mode));
        return spec.Select(ToEntry(spec)).OrderBy(e => e.RelPath, StringComparer.Ordinal).ToList();
    }

    sealed record Node(string Path, char Type, int Mode, byte[]? Content = null, string? Target = null, string? HardlinkOf = null);

    static List<Node> Spec()
    {
        var nodes = new List<Node>();
        void Dir(string path, int mode = Exec)
        {
            if (nodes.Any(n => n.Path == path))
                return;
            var parent = Path.GetDirectoryName(path);
            if (!string.IsNullOrEmpty(parent))
                Dir(parent);
            nodes.Add(new Node(path, 'd', mode));
        }
        void Add(Node node)
        {
            var parent = Path.GetDirectoryName(node.Path);
            if (!string.IsNullOrEmpty(parent))
                Dir(parent);
            nodes.Add(node);
        }
        void File(string path, int mode, string content) => Add(new Node(path, 'f', mode, Encoding.UTF8.GetBytes(content)));

        File("bin/run.sh", Exec, "#!/bin/sh\necho \"hello from the tricky tree\"\n");
        File("etc/app.conf", Regular, "listen = 127.0.0.1:8080\n");
        File("etc/secret.key", Secret, "not-a-real-secret\n");
        Dir("private", GroupOnly);
        File("private/tool", GroupOnly, "#!/bin/sh\nexit 0\n");
        File(Utf8FilePath, Regular, "a file with a UTF-8 name\n");
        File("zero-length", Regular, "");
        Add(new Node("links/relative", 'l', SymlinkMode, Target: "../" + Utf8FilePath));
        Add(new Node("links/absolute", 'l', SymlinkMode, Target: AbsoluteSymlinkTarget));
        File(HardlinkPair[1], Regular, "one inode, two names\n");
        Add(new Node(HardlinkPair[0], 'f', Regular, HardlinkOf: HardlinkPair[1]));
        Dir("empty");
        Dir("outer/inner-empty", GroupOnly);
        foreach (var length in LongPathLengths)
            File(LongPath(length), Regular, $"this file's path is {length} bytes long\n");
        return nodes;
    }

    /// <summary>"long/lenNNN/" then 60-byte directories, then a file name that makes the total exact.</summary>
    static string LongPath(int length)
    {
        var path = new StringBuilder($"long/len{length:D3}/");
        const string fileSuffix = ".txt";
        var component = 0;
        while (length - path.Length > LongComponentLength + 1)
            path.Append((char)('a' + component++), LongComponentLength).Append('/');
        path.Append('f', length - path.Length - fileSuffix.Length).Append(fileSuffix);
        return path.ToString();
    }

    static void Materialize(string root, Node node)
    {
        var full = Path.Combine(root, node.Path);
        switch (node.Type)
        {
            case 'd':
                Directory.CreateDirectory(full);
                break;
            case 'l':
                System.IO.File.CreateSymbolicLink(full, node.Target!);
                break;
            case 'f' when node.HardlinkOf is not null:
                UnixMarshal.ThrowExceptionForLastErrorIf(Syscall.link(Path.Combine(root, node.HardlinkOf), full));
                break;
            default:
                System.IO.File.WriteAllBytes(full, node.Content!);
                break;
        }
    }

    static Func<Node, TreeEntry> ToEntry(List<Node> spec) => node =>
    {
        if (node.Type == 'd')
            return new TreeEntry(node.Path, 'd', node.Mode, null, 0, null, 0);
        if (node.Type == 'l')
            return new TreeEntry(node.Path, 'l', node.Mode, node.Target, 0, null, 1);
        var content = node.Content ?? spec.Single(n => n.Path == node.HardlinkOf).Content!;
        var linked = node.HardlinkOf is not null || spec.Any(n => n.HardlinkOf == node.Path);
        return new TreeEntry(node.Path, 'f', node.Mode, null, content.Length,
            Convert.ToHexStringLower(SHA256.HashData(content)), linked ? 2 : 1);
    };
}
