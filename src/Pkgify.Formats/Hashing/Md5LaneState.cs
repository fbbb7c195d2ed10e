using System.Buffers.Binary;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// The chaining variables of all lanes in memory between runs, laid out as the vectors load them: word w of lane i
/// at <c>state[w * lanes + i]</c>.
/// </summary>
internal static unsafe class Md5LaneState
{
    /// <summary>Gives lane <paramref name="lane"/> the initial A, B, C, D (RFC 1321 §3.3).</summary>
    public static void Reset(uint* state, int lanes, int lane)
    {
        state[lane] = Md5Format.InitA;
        state[lanes + lane] = Md5Format.InitB;
        state[2 * lanes + lane] = Md5Format.InitC;
        state[3 * lanes + lane] = Md5Format.InitD;
    }

    /// <summary>Copies lane <paramref name="lane"/>'s four words to <paramref name="alone"/> (a one-lane state).</summary>
    public static void Gather(uint* state, int lanes, int lane, uint* alone)
    {
        for (var word = 0; word < Md5Format.StateWords; word++)
            alone[word] = state[word * lanes + lane];
    }

    /// <summary>Writes lane <paramref name="lane"/>'s digest, A B C D low-order byte first (RFC 1321 §3.5).</summary>
    public static void WriteDigest(uint* state, int lanes, int lane, Span<byte> digests, int message)
    {
        var digest = digests.Slice(message * Md5Format.DigestSize, Md5Format.DigestSize);
        for (var word = 0; word < Md5Format.StateWords; word++)
            BinaryPrimitives.WriteUInt32LittleEndian(digest[(word * sizeof(uint))..], state[word * lanes + lane]);
    }
}
