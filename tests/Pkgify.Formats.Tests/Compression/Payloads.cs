using System.Text;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>Deterministic test inputs: text-like, random, and a mix that exercises both codec paths.</summary>
internal static class Payloads
{
    public const int MiB = 1024 * 1024;

    private static readonly string[] Words =
        ["import", "def", "return", "self", "request", "ledger", "amount", "None", "True", "for", "in", "if",
         "else", "print", "json", "config", "/opt/ledger/venv/bin/python", "=", "(", ")", ":", "\n", "    "];

    public static byte[] Empty => [];

    public static byte[] Small => Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("pkgify compresses small things too\n", 30)));

    /// <summary>Alternating 64 KiB runs of source-like text and random bytes.</summary>
    public static byte[] Mixed(int length, int seed = 1)
    {
        var random = new Random(seed);
        var data = new byte[length];
        const int run = 64 * 1024;
        for (int start = 0; start < length; start += run)
        {
            var span = data.AsSpan(start, Math.Min(run, length - start));
            if ((start / run) % 2 == 0)
                FillText(span, random);
            else
                random.NextBytes(span);
        }
        return data;
    }

    /// <summary>Fills <paramref name="target"/> with words picked by <paramref name="random"/>.</summary>
    public static void FillText(Span<byte> target, Random random)
    {
        int i = 0;
        while (i < target.Length)
        {
            var word = Words[random.Next(Words.Length)];
            for (int c = 0; c < word.Length && i < target.Length; c++)
                target[i++] = (byte)word[c];
            if (i < target.Length)
                target[i++] = (byte)' ';
        }
    }

    /// <summary>A short name for test-case labels.</summary>
    public static string Describe(byte[] data) => data.Length switch
    {
        0 => "empty",
        < MiB => $"{data.Length}B",
        _ => $"{data.Length / MiB}MiB",
    };
}
