namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>Format-blind damage: bit flips, byte sets, truncations, inserted and removed runs of bytes.</summary>
internal static class ByteMutations
{
    /// <summary>Byte values that tend to hit edge cases: NUL, sign bits, ASCII digits and separators.</summary>
    private static readonly byte[] Interesting = [0x00, 0x01, 0x7F, 0x80, 0xFF, (byte)'0', (byte)'7', (byte)'9', (byte)' ', (byte)'\n', (byte)'/', (byte)'-'];

    private const int MaxFlips = 8;
    private const int MaxRun = 64;

    public static Mutation Any(byte[] seed, Random rng) => rng.Next(5) switch
    {
        0 => FlipBits(seed, rng),
        1 => SetBytes(seed, rng),
        2 => Truncate(seed, rng),
        3 => Insert(seed, rng),
        _ => Delete(seed, rng),
    };

    public static Mutation FlipBits(byte[] seed, Random rng)
    {
        var bytes = (byte[])seed.Clone();
        var n = rng.Next(1, MaxFlips + 1);
        var first = rng.Next(bytes.Length);
        bytes[first] ^= (byte)(1 << rng.Next(8));
        for (var i = 1; i < n; i++)
            bytes[rng.Next(bytes.Length)] ^= (byte)(1 << rng.Next(8));
        return new Mutation(bytes, "bitflip", $"{n} bit flips, first at {first}");
    }

    public static Mutation SetBytes(byte[] seed, Random rng)
    {
        var bytes = (byte[])seed.Clone();
        var at = rng.Next(bytes.Length);
        var n = Math.Min(rng.Next(1, 9), bytes.Length - at);
        for (var i = 0; i < n; i++)
            bytes[at + i] = Pick(rng);
        return new Mutation(bytes, "byteset", $"{n} bytes set at {at}");
    }

    public static Mutation Truncate(byte[] seed, Random rng)
    {
        var length = rng.Next(seed.Length);
        return new Mutation(seed[..length], "truncate", $"truncated to {length} of {seed.Length} bytes");
    }

    public static Mutation Insert(byte[] seed, Random rng)
    {
        var at = rng.Next(seed.Length + 1);
        var run = RandomRun(rng);
        return new Mutation([.. seed[..at], .. run, .. seed[at..]], "insert", $"{run.Length} bytes inserted at {at}");
    }

    public static Mutation Delete(byte[] seed, Random rng)
    {
        var at = rng.Next(seed.Length);
        var n = Math.Min(rng.Next(1, MaxRun + 1), seed.Length - at);
        return new Mutation([.. seed[..at], .. seed[(at + n)..]], "delete", $"{n} bytes deleted at {at}");
    }

    /// <summary>Overwrites a few bytes inside <paramref name="start"/>..+<paramref name="length"/> of a copy.</summary>
    public static byte[] Scribble(byte[] seed, int start, int length, Random rng)
    {
        var bytes = (byte[])seed.Clone();
        if (length <= 0)
            return bytes;
        for (var i = rng.Next(1, 5); i > 0; i--)
            bytes[start + rng.Next(length)] = rng.Next(2) == 0 ? Pick(rng) : (byte)rng.Next(256);
        return bytes;
    }

    public static byte Pick(Random rng) => Interesting[rng.Next(Interesting.Length)];

    public static byte[] RandomRun(Random rng)
    {
        var run = new byte[rng.Next(1, MaxRun + 1)];
        rng.NextBytes(run);
        return run;
    }
}
