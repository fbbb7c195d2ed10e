using System.Buffers;
using System.Runtime.Intrinsics;
using System.Security.Cryptography;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// MD5 of many independent messages at once ("multi-buffer"): lane <c>i</c> of each vector register carries the
/// state of message <c>i</c>, so a CPU with AVX-512F hashes 16 messages in the time one takes, with AVX2 8. Made for
/// md5sums (deb-md5sums(5)) of trees of small files, where one-stream MD5 is a large share of a package build.
/// </summary>
public static class Md5MultiBuffer
{
    /// <summary>The width used when SIMD is unavailable: every message goes to <see cref="MD5.HashData(ReadOnlySpan{byte}, Span{byte})"/>.</summary>
    internal const int ScalarLanes = 1;

    /// <summary>Lanes processed at once on this CPU: 16 with AVX-512F, 8 with AVX2, 1 when there is no SIMD path.</summary>
    public static int Lanes { get; } =
        Md5Lanes512.IsSupported ? Md5Lanes512.Count : Md5Lanes256.IsSupported ? Md5Lanes256.Count : ScalarLanes;

    /// <summary>
    /// Writes MD5(<c>messages[i]</c>) to <c>digests[16*i .. 16*i+16)</c>. Each message is complete (not streamed).
    /// Safe to call from several threads at once.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="digests"/> is shorter than 16 bytes per message.</exception>
    public static void HashAll(IReadOnlyList<ReadOnlyMemory<byte>> messages, Span<byte> digests) =>
        HashAll(messages, digests, Lanes);

    /// <summary>
    /// <see cref="HashAll(IReadOnlyList{ReadOnlyMemory{byte}}, Span{byte})"/> on the path of the given width (16, 8 or
    /// <see cref="ScalarLanes"/>), so tests can run every path the host supports.
    /// </summary>
    /// <exception cref="PlatformNotSupportedException">This CPU lacks the instructions of that width.</exception>
    internal static void HashAll(IReadOnlyList<ReadOnlyMemory<byte>> messages, Span<byte> digests, int lanes)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var count = messages.Count;
        if (digests.Length / Md5Format.DigestSize < count)
            throw new ArgumentException($"{count} messages need {(long)count * Md5Format.DigestSize} bytes of digests, got {digests.Length}", nameof(digests));

        if (lanes == Md5Lanes512.Count && Md5Lanes512.IsSupported)
            HashAll<Md5Lanes512, Vector512<uint>>(messages, digests);
        else if (lanes == Md5Lanes256.Count && Md5Lanes256.IsSupported)
            HashAll<Md5Lanes256, Vector256<uint>>(messages, digests);
        else if (lanes == ScalarLanes)
            HashEach(messages, digests);
        else
            throw new PlatformNotSupportedException($"no {lanes}-lane MD5 path on this CPU");
    }

    private static void HashAll<TLanes, TVec>(IReadOnlyList<ReadOnlyMemory<byte>> messages, Span<byte> digests)
        where TLanes : IMd5Lanes<TVec> where TVec : unmanaged
    {
        var count = messages.Count;
        if (count < TLanes.MinBusyLanes)
        {
            HashEach(messages, digests);
            return;
        }

        var order = ArrayPool<int>.Shared.Rent(count);
        var keys = ArrayPool<int>.Shared.Rent(count);
        try
        {
            // Longest first (LPT scheduling): the lanes then run out of work at nearly the same time, on short
            // messages, so little is left for the one-at-a-time finish.
            for (var i = 0; i < count; i++)
            {
                order[i] = i;
                keys[i] = -messages[i].Length;
            }

            Array.Sort(keys, order, 0, count);
            Md5LaneScheduler<TLanes, TVec>.Run(messages, order.AsSpan(0, count), digests);
        }
        finally
        {
            ArrayPool<int>.Shared.Return(order);
            ArrayPool<int>.Shared.Return(keys);
        }
    }

    /// <summary>One message at a time with the platform's MD5 (OpenSSL on Linux).</summary>
    internal static void HashEach(IReadOnlyList<ReadOnlyMemory<byte>> messages, Span<byte> digests)
    {
        for (var i = 0; i < messages.Count; i++)
            HashOne(messages[i], digests, i);
    }

    /// <summary>Writes MD5(<paramref name="message"/>) to the 16 bytes of message index <paramref name="index"/>.</summary>
    internal static void HashOne(ReadOnlyMemory<byte> message, Span<byte> digests, int index) =>
        MD5.HashData(message.Span, digests.Slice(index * Md5Format.DigestSize, Md5Format.DigestSize));
}
