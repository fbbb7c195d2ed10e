using System.Buffers.Binary;
using NUnit.Framework;
using Pkgify.Formats.Rpm;
using Shouldly;

namespace Pkgify.Formats.Tests.Rpm;

/// <summary>Damaged and hostile headers must be refused with InvalidDataException, never crash or hang.</summary>
public class RpmHeaderHostileTests
{
    private const int Preamble = 16, EntrySize = 16;

    /// <summary>A valid main header: region entry at index 0, then the entries below in this order; dl = 42.</summary>
    private static byte[] Sample() => new RpmHeaderBuilder(RpmTags.HeaderImmutable)
        .AddString(RpmTags.Name, "abc")                        // index 1, data 0..3
        .AddInt32(RpmTags.Epoch, [1])                          // index 2, data 4..7
        .AddInt16(RpmTags.FileModes, [unchecked((short)0x81A4), 0x41ED]) // index 3, data 8..11
        .AddStringArray(RpmTags.BaseNames, ["one", "two"])     // index 4, data 12..19
        .AddString(RpmTags.Encoding, "utf-8")                  // index 5, data 20..25, trailer at 26
        .Build();

    private static int Il(byte[] h) => BinaryPrimitives.ReadInt32BigEndian(h.AsSpan(8));
    private static int Dl(byte[] h) => BinaryPrimitives.ReadInt32BigEndian(h.AsSpan(12));
    private static int DataStart(byte[] h) => Preamble + Il(h) * EntrySize;
    private static void SetWord(byte[] h, int at, int value) => BinaryPrimitives.WriteInt32BigEndian(h.AsSpan(at), value);
    /// <summary>Position of word <paramref name="word"/> (0 tag, 1 type, 2 offset, 3 count) of index entry <paramref name="i"/>.</summary>
    private static int IndexWord(int i, int word) => Preamble + i * EntrySize + word * 4;

    private static readonly Dictionary<string, Action<byte[]>> Mutations = new()
    {
        ["bad magic"] = h => h[0] = 0x8F,
        ["il zero"] = h => SetWord(h, 8, 0),
        ["il huge"] = h => SetWord(h, 8, int.MaxValue),
        ["il above 65535"] = h => SetWord(h, 8, 70000),
        ["il one too many"] = h => SetWord(h, 8, Il(h) + 1),
        ["dl huge"] = h => SetWord(h, 12, -1),
        ["dl 200 MiB on a tiny stream"] = h => SetWord(h, 12, 200 << 20),
        ["dl one short"] = h => SetWord(h, 12, Dl(h) - 1),
        ["offset past the data"] = h => SetWord(h, IndexWord(2, 2), Dl(h) + 100),
        ["negative offset"] = h => SetWord(h, IndexWord(4, 2), -4),
        ["overlapping data"] = h => SetWord(h, IndexWord(2, 2), 0),
        ["data gap"] = h => SetWord(h, IndexWord(3, 2), 10),
        ["misaligned INT32"] = h => SetWord(h, IndexWord(2, 2), 5),
        ["missing NUL before the trailer"] = h => h[DataStart(h) + 25] = (byte)'X',
        ["string array count too big"] = h => SetWord(h, IndexWord(4, 3), 3),
        ["string array count huge"] = h => SetWord(h, IndexWord(4, 3), 0xFFFFF),
        ["INT32 count huge"] = h => SetWord(h, IndexWord(2, 3), int.MaxValue),
        ["count zero"] = h => SetWord(h, IndexWord(3, 3), 0),
        ["STRING count 2"] = h => SetWord(h, IndexWord(1, 3), 2),
        ["type 0"] = h => SetWord(h, IndexWord(1, 1), 0),
        ["type 10"] = h => SetWord(h, IndexWord(1, 1), 10),
        ["FILEMODES stored as INT32"] = h => SetWord(h, IndexWord(3, 1), (int)RpmTagType.Int32),
        ["EPOCH stored as INT16"] = h => SetWord(h, IndexWord(2, 1), (int)RpmTagType.Int16),
        ["duplicate tag"] = h => SetWord(h, IndexWord(5, 0), RpmTags.Name), // ENCODING becomes a second NAME
        ["tag below 100"] = h => SetWord(h, IndexWord(1, 0), 50),
        ["first entry not the region"] = h => SetWord(h, IndexWord(0, 0), 64),
        ["region entry not BIN"] = h => SetWord(h, IndexWord(0, 1), 4),
        ["region entry offset not the trailer"] = h => SetWord(h, IndexWord(0, 2), Dl(h) - 20),
        ["region entry offset past data"] = h => SetWord(h, IndexWord(0, 2), Dl(h)),
        ["trailer offset -16*(il-1)"] = h => SetWord(h, DataStart(h) + Dl(h) - 8, -16 * (Il(h) - 1)),
        ["trailer offset positive"] = h => SetWord(h, DataStart(h) + Dl(h) - 8, 16 * Il(h)),
        ["trailer offset not a multiple of 16"] = h => SetWord(h, DataStart(h) + Dl(h) - 8, -16 * Il(h) + 1),
        ["trailer offset int.MinValue"] = h => SetWord(h, DataStart(h) + Dl(h) - 8, int.MinValue),
        ["trailer tag 62 in the main header"] = h => SetWord(h, DataStart(h) + Dl(h) - 16, RpmTags.HeaderSignatures),
        ["trailer type INT32"] = h => SetWord(h, DataStart(h) + Dl(h) - 12, 4),
        ["trailer count 15"] = h => SetWord(h, DataStart(h) + Dl(h) - 4, 15),
    };

    public static IEnumerable<string> MutationNames => Mutations.Keys;

    [TestCaseSource(nameof(MutationNames))]
    public void Targeted_damage_is_reported_as_InvalidDataException(string mutation)
    {
        byte[] header = Sample();
        RpmHeader.Read(new MemoryStream(header), isSignature: false).Entries.Count.ShouldBe(6); // intact: fine
        Mutations[mutation](header);
        BoundedRun.Within(TimeSpan.FromSeconds(10), () =>
        {
            var e = Should.Throw<InvalidDataException>(() => RpmHeader.Read(new MemoryStream(header), isSignature: false));
            TestContext.Out.WriteLine($"{mutation}: {e.Message}");
            Should.Throw<InvalidDataException>(() =>
                RpmHeader.Read(new NonSeekableStream(new MemoryStream(header)), isSignature: false));
        });
    }

    [Test]
    public void Signature_header_limits_are_tighter()
    {
        byte[] header = Sample();
        Should.Throw<InvalidDataException>(() => RpmHeader.Read(new MemoryStream(header), isSignature: true)); // region 63
        var big = new RpmHeaderBuilder(RpmTags.HeaderImmutable);
        for (int tag = 2000; tag < 2040; tag++)
            big.AddInt32(tag, [tag]);
        byte[] bytes = big.Build();
        SetWord(bytes, IndexWord(0, 0), RpmTags.HeaderSignatures);
        SetWord(bytes, DataStart(bytes) + Dl(bytes) - 16, RpmTags.HeaderSignatures);
        Should.Throw<InvalidDataException>(() => RpmHeader.Read(new MemoryStream(bytes), isSignature: true)); // 41 > 32
        RpmHeader.Read(new MemoryStream(bytes), isSignature: true, new RpmReadLimits(64, 1 << 20)).Entries.Count.ShouldBe(41);
    }

    [Test]
    public void Every_truncation_of_a_real_package_before_its_payload_is_damage()
    {
        byte[] rpm = ReferencePackage(out long payloadOffset);
        BoundedRun.Within(TimeSpan.FromSeconds(120), () =>
        {
            for (int length = 0; length < payloadOffset; length++)
            {
                byte[] cut = rpm[..length];
                Should.Throw<InvalidDataException>(() => RpmPackageReader.Open(new MemoryStream(cut)), $"cut at {length}");
                Should.Throw<InvalidDataException>(() => RpmPackageReader.Open(new NonSeekableStream(new MemoryStream(cut))), $"cut at {length}");
            }
        });
    }

    [Test]
    public void Bit_flips_in_a_real_packages_headers_are_read_or_rejected_cleanly()
    {
        byte[] rpm = ReferencePackage(out long payloadOffset);
        int rejected = 0;
        BoundedRun.Within(TimeSpan.FromSeconds(120), () =>
        {
            for (int at = 0; at < payloadOffset; at++)
            {
                foreach (byte mask in new byte[] { 0x01, 0x80, 0xFF })
                {
                    byte[] damaged = (byte[])rpm.Clone();
                    damaged[at] ^= mask;
                    if (!BoundedRun.AcceptsOrRejectsCleanly($"flip {mask:x2} at {at}",
                            () => RpmPackageReader.Open(new MemoryStream(damaged))))
                        rejected++;
                }
            }
        });
        rejected.ShouldBeGreaterThan(0);
    }

    private static byte[] ReferencePackage(out long payloadOffset)
    {
        using var dir = new TempDir();
        byte[] rpm = File.ReadAllBytes(RpmBuildFixtures.BuildBinaryRpm(RpmBuildFixtures.SampleSpec, dir.Root));
        payloadOffset = RpmPackageReader.Open(new MemoryStream(rpm)).PayloadOffset;
        return rpm;
    }
}
