using System.Runtime.Intrinsics.X86;
using System.Security.Cryptography;
using Pkgify.Formats.Hashing;

namespace Pkgify.Formats.Tests.Hashing;

/// <summary>What the multi-buffer MD5 is checked against, and the code paths this host can run.</summary>
internal static class Md5Reference
{
    public const int DigestSize = 16;

    /// <summary>Every lane width this CPU runs: 16 with AVX-512F, 8 with AVX2, and always the one-at-a-time path.</summary>
    public static int[] AvailableLanes()
    {
        var lanes = new List<int>();
        if (Avx512F.IsSupported)
            lanes.Add(16);
        if (Avx2.IsSupported)
            lanes.Add(8);
        lanes.Add(Md5MultiBuffer.ScalarLanes);
        return [.. lanes];
    }

    /// <summary>HashAll on the given path, returning all digests.</summary>
    public static byte[] HashAll(IReadOnlyList<ReadOnlyMemory<byte>> messages, int lanes)
    {
        var digests = new byte[messages.Count * DigestSize];
        Md5MultiBuffer.HashAll(messages, digests, lanes);
        return digests;
    }

    /// <summary>Fails naming the first message whose digest differs from System.Security.Cryptography's MD5.</summary>
    public static void ShouldMatchPlatformMd5(IReadOnlyList<ReadOnlyMemory<byte>> messages, byte[] digests, string what)
    {
        for (var i = 0; i < messages.Count; i++)
        {
            var expected = Convert.ToHexStringLower(MD5.HashData(messages[i].Span));
            var actual = Convert.ToHexStringLower(digests.AsSpan(i * DigestSize, DigestSize));
            actual.ShouldBe(expected, $"{what}: message {i} of {messages.Count}, {messages[i].Length} bytes");
        }
    }

    /// <summary>
    /// Messages of the given lengths, cut one after another (with a one-byte gap) out of one random buffer: unaligned,
    /// and any read past a message's end would take its neighbour's bytes into the digest.
    /// </summary>
    public static ReadOnlyMemory<byte>[] Adjacent(IReadOnlyList<int> lengths, int seed)
    {
        var buffer = new byte[lengths.Sum(l => (long)l + 1) + 1];
        new Random(seed).NextBytes(buffer);
        var messages = new ReadOnlyMemory<byte>[lengths.Count];
        var offset = 1;
        for (var i = 0; i < lengths.Count; i++)
        {
            messages[i] = buffer.AsMemory(offset, lengths[i]);
            offset += lengths[i] + 1;
        }

        return messages;
    }
}
