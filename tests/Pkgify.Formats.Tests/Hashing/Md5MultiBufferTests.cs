using System.Runtime.Intrinsics.X86;
using System.Text;
using Pkgify.Formats.Hashing;

namespace Pkgify.Formats.Tests.Hashing;

public class Md5MultiBufferTests
{
    // RFC 1321 appendix A.5, "Test suite".
    private static readonly (string Message, string Md5)[] Rfc1321Suite =
    [
        ("", "d41d8cd98f00b204e9800998ecf8427e"),
        ("a", "0cc175b9c0f1b6a831c399e269772661"),
        ("abc", "900150983cd24fb0d6963f7d28e17f72"),
        ("message digest", "f96b697d7cb7938d525a2f31aaf161d0"),
        ("abcdefghijklmnopqrstuvwxyz", "c3fcd3d76192e4007dfb496cca67e13b"),
        ("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", "d174ab98d277d9f5a5611c2c9f419d9f"),
        ("12345678901234567890123456789012345678901234567890123456789012345678901234567890", "57edf4a22be3c955ac49da2e2107b67a"),
    ];

    // Where the padding changes shape (RFC 1321 §3.1: the tail takes one block up to 55 bytes, two from 56) and
    // where full blocks start and end.
    private static readonly int[] BoundaryLengths =
        [0, 1, 54, 55, 56, 57, 62, 63, 64, 65, 118, 119, 120, 121, 127, 128, 129, 183, 184, 191, 192, 193];

    private static IEnumerable<int> Paths() => Md5Reference.AvailableLanes();

    [Test]
    public void Lanes_matches_the_widest_instruction_set_of_this_CPU()
    {
        var expected = Avx512F.IsSupported ? 16 : Avx2.IsSupported ? 8 : 1;
        Md5MultiBuffer.Lanes.ShouldBe(expected);
    }

    [TestCaseSource(nameof(Paths))]
    public void Rfc1321_test_suite(int lanes)
    {
        // Three copies of the suite: 21 messages, so every vector lane is busy and several lanes finish together.
        var suite = Enumerable.Repeat(Rfc1321Suite, 3).SelectMany(s => s).ToArray();
        var messages = suite.Select(v => (ReadOnlyMemory<byte>)Encoding.ASCII.GetBytes(v.Message)).ToArray();

        var digests = Md5Reference.HashAll(messages, lanes);

        for (var i = 0; i < suite.Length; i++)
            Convert.ToHexStringLower(digests.AsSpan(i * 16, 16)).ShouldBe(suite[i].Md5, $"MD5(\"{suite[i].Message}\")");
    }

    [TestCaseSource(nameof(Paths))]
    public void Every_length_up_to_300_in_one_call(int lanes)
    {
        var messages = Md5Reference.Adjacent(Enumerable.Range(0, 301).ToArray(), seed: 300);
        Md5Reference.ShouldMatchPlatformMd5(messages, Md5Reference.HashAll(messages, lanes), $"{lanes} lanes");
    }

    [TestCaseSource(nameof(Paths))]
    public void Boundary_lengths_with_every_count_of_busy_lanes(int lanes)
    {
        // 1 .. 2*lanes+1 messages: every number of busy lanes, including the counts below the vector's
        // break-even that are finished one at a time, on every side of the padding boundaries.
        for (var count = 1; count <= 2 * lanes + 1; count++)
        {
            var lengths = Enumerable.Range(0, count).Select(i => BoundaryLengths[(i * 7 + count) % BoundaryLengths.Length]).ToArray();
            var messages = Md5Reference.Adjacent(lengths, seed: count);
            Md5Reference.ShouldMatchPlatformMd5(messages, Md5Reference.HashAll(messages, lanes), $"{lanes} lanes, {count} messages");
        }
    }

    [TestCaseSource(nameof(Paths))]
    public void A_long_message_among_short_ones_is_finished_alone_from_its_state(int lanes)
    {
        // The long message is started first and still busy when the short ones run out: it ends one lane at a
        // time, carrying on from the chaining variables the vector left it (the one-at-a-time finish).
        var lengths = new[] { 100_000, 70_001 }.Concat(Enumerable.Range(0, 40).Select(i => 55 + i * 13)).ToArray();
        var messages = Md5Reference.Adjacent(lengths, seed: 7);
        Md5Reference.ShouldMatchPlatformMd5(messages, Md5Reference.HashAll(messages, lanes), $"{lanes} lanes");
    }

    [Test]
    public void Public_entry_point_uses_this_hosts_path_and_matches()
    {
        var messages = Md5Reference.Adjacent(Enumerable.Range(0, 50).Select(i => i * 97).ToArray(), seed: 50);
        var digests = new byte[messages.Length * 16];
        Md5MultiBuffer.HashAll(messages, digests);
        Md5Reference.ShouldMatchPlatformMd5(messages, digests, "HashAll");
    }

    [TestCaseSource(nameof(Paths))]
    public void Hashing_allocates_nothing_per_message(int lanes)
    {
        var messages = Md5Reference.Adjacent(Enumerable.Range(0, 2000).Select(i => i % 700).ToArray(), seed: 2000);
        var digests = new byte[messages.Length * 16];
        Md5MultiBuffer.HashAll(messages, digests, lanes); // warm-up: JIT, pooled order arrays

        var before = GC.GetAllocatedBytesForCurrentThread();
        Md5MultiBuffer.HashAll(messages, digests, lanes);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        // Less than one byte per message: the lane state lives on the stack, messages are pinned, not copied.
        allocated.ShouldBeLessThan(messages.Length, $"{lanes} lanes allocated {allocated} bytes for {messages.Length} messages");
    }

    [Test]
    public void Concurrent_callers_each_get_their_own_digests()
    {
        var batches = Enumerable.Range(0, 8)
            .Select(b => Md5Reference.Adjacent(Enumerable.Range(0, 60).Select(i => (i * 331 + b * 17) % 5000).ToArray(), seed: b))
            .ToArray();
        var results = new byte[batches.Length][];
        Parallel.For(0, batches.Length, new ParallelOptions { MaxDegreeOfParallelism = batches.Length },
            b => results[b] = Md5Reference.HashAll(batches[b], Md5MultiBuffer.Lanes));
        for (var b = 0; b < batches.Length; b++)
            Md5Reference.ShouldMatchPlatformMd5(batches[b], results[b], $"thread {b}");
    }

    [Test]
    public void Digest_space_for_fewer_messages_is_refused()
    {
        var messages = new ReadOnlyMemory<byte>[] { new byte[1], new byte[2] };
        Should.Throw<ArgumentException>(() => Md5MultiBuffer.HashAll(messages, new byte[31]));
    }

    [Test]
    public void A_width_without_a_path_is_refused()
    {
        var messages = new ReadOnlyMemory<byte>[] { new byte[1], new byte[2] };
        Should.Throw<PlatformNotSupportedException>(() => Md5MultiBuffer.HashAll(messages, new byte[32], lanes: 4));
    }

    [Test]
    public void Sine_table_is_rfc1321s_floor_of_2_to_the_32_times_abs_sin()
    {
        var table = Md5SineTable.T.ToArray();
        table.Length.ShouldBe(64);
        for (var i = 0; i < table.Length; i++)
            table[i].ShouldBe((uint)Math.Floor(4294967296.0 * Math.Abs(Math.Sin(i + 1))), $"T[{i + 1}]");
    }
}
