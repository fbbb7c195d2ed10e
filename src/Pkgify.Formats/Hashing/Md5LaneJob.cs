namespace Pkgify.Formats.Hashing;

/// <summary>
/// Where one lane is in its message: which message, how many blocks are left in what it reads now (the message's
/// full blocks, then its padded tail), and whether that is the tail.
/// </summary>
internal unsafe struct Md5LaneJob
{
    private const int NoMessage = -1;

    /// <summary>Index of the message in the caller's list, or negative when the lane is free.</summary>
    public int Message;

    /// <summary>Blocks left in the current source.</summary>
    public long BlocksLeft;

    /// <summary>Whether the current source is the padded tail (the message's last blocks).</summary>
    public bool InTail;

    /// <summary>Whether no block of the message has been hashed yet.</summary>
    public bool Untouched;

    public static Md5LaneJob Free => new() { Message = NoMessage };

    public readonly bool IsFree => Message < 0;

    /// <summary>
    /// A job for message <paramref name="message"/> whose bytes are <paramref name="content"/> (pinned at
    /// <paramref name="data"/>); <paramref name="next"/> receives the first block to read.
    /// </summary>
    public static Md5LaneJob Start(int message, ReadOnlySpan<byte> content, byte* data, byte* tail, out nint next)
    {
        var job = new Md5LaneJob { Message = message, Untouched = true, BlocksLeft = content.Length / Md5Format.BlockSize };
        next = (nint)data;
        if (job.BlocksLeft == 0)
            job.EnterTail(content, tail, out next);
        return job;
    }

    /// <summary>
    /// Records that <paramref name="blocks"/> blocks were hashed; when the message's full blocks are used up, moves on
    /// to its padded tail (built in <paramref name="tail"/>). Returns true once the tail too is hashed.
    /// </summary>
    public bool Advance(IReadOnlyList<ReadOnlyMemory<byte>> messages, long blocks, ref nint next, byte* tail)
    {
        Untouched = false;
        BlocksLeft -= blocks;
        next += (nint)(blocks * Md5Format.BlockSize);
        if (BlocksLeft > 0)
            return false;
        if (InTail)
            return true;
        EnterTail(messages[Message].Span, tail, out next);
        return false;
    }

    private void EnterTail(ReadOnlySpan<byte> content, byte* tail, out nint next)
    {
        BlocksLeft = Md5Format.WritePaddedTail(content, new Span<byte>(tail, Md5Format.MaxTailSize));
        InTail = true;
        next = (nint)tail;
    }
}
