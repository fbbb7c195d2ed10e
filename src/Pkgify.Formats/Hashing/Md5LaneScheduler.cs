using System.Runtime.CompilerServices;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// The job manager of the multi-buffer MD5: gives each lane a message, runs the compression over all lanes for as
/// many blocks as every busy lane still has, then moves each lane that ran out on to its padded tail, to its
/// digest, and to the next message.
/// </summary>
internal static unsafe class Md5LaneScheduler<TLanes, TVec> where TLanes : IMd5Lanes<TVec> where TVec : unmanaged
{
    /// <summary>
    /// Hashes <c>messages[order[0..]]</c> in that order into <paramref name="digests"/> (16 bytes per message index).
    /// Once every message has started and fewer than <see cref="IMd5Lanes{TVec}.MinBusyLanes"/> lanes are still busy,
    /// those lanes are finished one at a time.
    /// </summary>
    [SkipLocalsInit]
    public static void Run(IReadOnlyList<ReadOnlyMemory<byte>> messages, ReadOnlySpan<int> order, Span<byte> digests)
    {
        var lanes = TLanes.Count;
        var next = stackalloc nint[lanes];
        var jobs = stackalloc Md5LaneJob[lanes];
        var state = stackalloc uint[Md5Format.StateWords * lanes];
        var tails = stackalloc byte[Md5Format.MaxTailSize * lanes];
        var pins = new Md5LanePins();
        for (var lane = 0; lane < lanes; lane++)
            jobs[lane] = Md5LaneJob.Free;

        try
        {
            var started = 0;
            while (true)
            {
                started = StartFreeLanes(messages, order, started, next, jobs, state, tails, ref pins);
                var busy = CountBusy(jobs, lanes, out var blocks, out var anyBusy);
                if (busy == 0)
                    break;
                if (started == order.Length && busy < TLanes.MinBusyLanes)
                {
                    FinishOneByOne(messages, digests, next, jobs, state, tails, lanes);
                    break;
                }

                // A free lane reads some busy lane's blocks (it has at least `blocks` more) and its result is ignored.
                for (var lane = 0; lane < lanes; lane++)
                {
                    if (jobs[lane].IsFree)
                        next[lane] = next[anyBusy];
                }

                Compress(next, state, blocks);

                for (var lane = 0; lane < lanes; lane++)
                {
                    if (!jobs[lane].IsFree && jobs[lane].Advance(messages, blocks, ref next[lane], Tail(tails, lane)))
                    {
                        Md5LaneState.WriteDigest(state, lanes, lane, digests, jobs[lane].Message);
                        pins[lane].Dispose();
                        jobs[lane] = Md5LaneJob.Free;
                    }
                }
            }
        }
        finally
        {
            for (var lane = 0; lane < lanes; lane++)
                pins[lane].Dispose();
        }
    }

    // Gives every free lane the next message in order (while there is one); returns how many have started.
    private static int StartFreeLanes(IReadOnlyList<ReadOnlyMemory<byte>> messages, ReadOnlySpan<int> order, int started,
        nint* next, Md5LaneJob* jobs, uint* state, byte* tails, ref Md5LanePins pins)
    {
        var lanes = TLanes.Count;
        for (var lane = 0; lane < lanes && started < order.Length; lane++)
        {
            if (!jobs[lane].IsFree)
                continue;
            var index = order[started++];
            var message = messages[index];
            pins[lane] = message.Pin();
            Md5LaneState.Reset(state, lanes, lane);
            jobs[lane] = Md5LaneJob.Start(index, message.Span, (byte*)pins[lane].Pointer, Tail(tails, lane), out next[lane]);
        }

        return started;
    }

    private static byte* Tail(byte* tails, int lane) => tails + lane * Md5Format.MaxTailSize;

    private static int CountBusy(Md5LaneJob* jobs, int lanes, out long blocks, out int anyBusy)
    {
        var busy = 0;
        blocks = long.MaxValue;
        anyBusy = 0;
        for (var lane = 0; lane < lanes; lane++)
        {
            if (jobs[lane].IsFree)
                continue;
            busy++;
            anyBusy = lane;
            blocks = Math.Min(blocks, jobs[lane].BlocksLeft);
        }

        return busy;
    }

    /// <summary>Runs <paramref name="blocks"/> blocks of every lane, lane i reading from <c>next[i]</c> onwards.</summary>
    /// <remarks>
    /// Compiled optimized at once: a package build lives seconds, and tiered compilation would first run this
    /// loop as unoptimized tier-0 code (every vector spilled to the stack) until the tier-up, long after the
    /// start (measured: a zstd-3 .deb took more CPU with the lanes than with OpenSSL's one-stream MD5).
    /// </remarks>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Compress(nint* next, uint* state, long blocks)
    {
        var lanes = TLanes.Count;
        Md5State<TVec> s;
        s.A = TLanes.Load(state);
        s.B = TLanes.Load(state + lanes);
        s.C = TLanes.Load(state + 2 * lanes);
        s.D = TLanes.Load(state + 3 * lanes);
        Unsafe.SkipInit(out Md5Block<TVec> block);
        for (nint offset = 0, end = (nint)(blocks * Md5Format.BlockSize); offset < end; offset += Md5Format.BlockSize)
        {
            TLanes.LoadBlock(next, offset, ref block);
            Md5Rounds<TLanes, TVec>.Compress(ref s, ref block);
        }

        TLanes.Store(s.A, state);
        TLanes.Store(s.B, state + lanes);
        TLanes.Store(s.C, state + 2 * lanes);
        TLanes.Store(s.D, state + 3 * lanes);
    }

    // Too few busy lanes for the vector to pay off: each goes on alone. A message not hashed at all yet goes to the
    // platform MD5 (OpenSSL, ~15 % faster than the managed single lane); one under way goes on from the chaining
    // variables it has reached, so no block is hashed twice.
    private static void FinishOneByOne(IReadOnlyList<ReadOnlyMemory<byte>> messages, Span<byte> digests, nint* next,
        Md5LaneJob* jobs, uint* state, byte* tails, int lanes)
    {
        var alone = stackalloc uint[Md5Format.StateWords];
        for (var lane = 0; lane < lanes; lane++)
        {
            if (jobs[lane].IsFree)
                continue;
            if (jobs[lane].Untouched)
            {
                Md5MultiBuffer.HashOne(messages[jobs[lane].Message], digests, jobs[lane].Message);
                continue;
            }

            Md5LaneState.Gather(state, lanes, lane, alone);
            var pointer = next[lane];
            do
            {
                Md5LaneScheduler<Md5Lane1, uint>.Compress(&pointer, alone, jobs[lane].BlocksLeft);
            }
            while (!jobs[lane].Advance(messages, jobs[lane].BlocksLeft, ref pointer, Tail(tails, lane)));

            Md5LaneState.WriteDigest(alone, 1, 0, digests, jobs[lane].Message);
        }
    }
}
