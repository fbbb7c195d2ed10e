using System.Text;
using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>
/// A tree big enough to exercise the parallel paths: ~14 MiB in a few hundred text files up to 64 KiB and two
/// 4 MiB binaries (more than four xz blocks at level 1 — 3 MiB each, 3 × its 1 MiB dictionary, xz(1) —
/// several zstd jobs, many gzip chunks, files spanning several prefetch chunks), around the tricky tree.
/// Deterministic: the same bytes on every run.
/// </summary>
public static class LargePayloadTree
{
    private const int MiB = 1 << 20;
    private const int TextFiles = 220, TextFileMax = 64 * 1024, BinaryFiles = 2, BinaryFileSize = 4 * MiB;

    private static readonly string[] Words =
        "the a package file tree deb rpm build host thread block chunk compress level value return import def class self"
            .Split(' ');

    /// <summary>Creates the tree at <paramref name="root"/>; the large files are under <c>payload/</c>.</summary>
    public static void Create(string root)
    {
        TrickyTree.Create(root);
        var random = new Random(7);
        var payload = Path.Combine(root, "payload");
        Directory.CreateDirectory(payload);
        for (int i = 0; i < TextFiles; i++)
            File.WriteAllText(Path.Combine(payload, $"module{i:D3}.py"), Text(random, random.Next(1, TextFileMax)));
        for (int i = 0; i < BinaryFiles; i++)
            File.WriteAllBytes(Path.Combine(payload, $"native{i}.so"), Binary(random, BinaryFileSize));
    }

    private static string Text(Random random, int length)
    {
        var text = new StringBuilder(length + 16);
        while (text.Length < length)
            text.Append(Words[random.Next(Words.Length)]).Append(random.Next(12) == 0 ? '\n' : ' ');
        return text.ToString(0, length);
    }

    /// <summary>Half random bytes, half a repeated pattern: the mix of a compiled library.</summary>
    private static byte[] Binary(Random random, int length)
    {
        var data = new byte[length];
        random.NextBytes(data.AsSpan(0, length / 2));
        for (int i = length / 2; i < length; i++)
            data[i] = (byte)(i % 251 < 40 ? i : 0);
        return data;
    }
}
