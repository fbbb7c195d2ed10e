using Pkgify.Formats.Compression;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Damage aimed at each layer of an .rpm (formats.md §2): raw bytes, the lead, il and dl of either header (huge,
/// negative, off by one, at the limits), index entries (tag, type, offset, count: overlapping, out of range,
/// misaligned, huge), the region trailer, the data store (strings losing their NUL), the header's values (arrays
/// that disagree, indexes out of range, re-serialised so the layout stays valid), and the payload — its
/// compressed stream (header fields, bogus magic, truncation) and the cpio archive inside it (decoded, damaged by
/// <see cref="CpioMutations"/>, re-encoded with the same codec).
/// </summary>
public sealed class RpmMutator : IPackageMutator
{
    private const int IndexWords = 4, WordLength = 4;
    private static readonly string[] WordNames = ["tag", "type", "offset", "count"];

    public string Format => "rpm";

    public Mutation Mutate(byte[] seed, Random rng)
    {
        var layout = RpmBytes.Parse(seed);
        var header = rng.Next(3) == 0 ? layout.Signature : layout.Main;
        return rng.Next(12) switch
        {
            0 or 1 => ByteMutations.Any(seed, rng),
            2 => new Mutation(ByteMutations.Scribble(seed, 0, RpmBytes.LeadLength, rng), "rpm-lead", "lead bytes"),
            3 => Lengths(seed, header, rng),
            4 => IndexEntry(seed, header, rng),
            5 => Trailer(seed, header, rng),
            6 => DataStore(seed, header, rng),
            7 => Payload(seed, layout, rng),
            8 or 9 => Cpio(seed, layout, rng),
            _ => Meaning(seed, layout, rng),
        };
    }

    /// <summary>A structurally valid main header whose values disagree (see <see cref="RpmHeaderMutations"/>).</summary>
    private static Mutation Meaning(byte[] seed, RpmBytes layout, Random rng)
    {
        var (header, what) = RpmHeaderMutations.Mutate(seed, layout.Main, rng);
        return new Mutation([.. seed[..layout.Main.Start], .. header, .. seed[layout.PayloadStart..]], "rpm-header-values", what);
    }

    private static Mutation Lengths(byte[] seed, RpmHeaderSpan h, Random rng)
    {
        var il = rng.Next(2) == 0;
        var current = il ? h.Il : h.Dl;
        int[] hostile = [0, 1, -1, int.MaxValue, int.MinValue, current - 1, current + 1, current * 2, 32, 33, 65535, 65536, 64 << 20, (64 << 20) + 1, 256 << 20, (256 << 20) + 1, current + 16, current - 16];
        var value = hostile[rng.Next(hostile.Length)];
        var at = h.Start + (il ? RpmHeaderSpan.IlOffset : RpmHeaderSpan.DlOffset);
        return new Mutation(RpmBytes.WithWord(seed, at, value), "rpm-il-dl", $"{h.Name} {(il ? "il" : "dl")} = {value}");
    }

    private static Mutation IndexEntry(byte[] seed, RpmHeaderSpan h, Random rng)
    {
        var entry = rng.Next(h.Il);
        var word = rng.Next(IndexWords);
        var at = h.IndexStart + (entry * RpmHeaderSpan.IndexEntryLength) + (word * WordLength);
        var current = RpmBytes.ReadWord(seed, at);
        var other = RpmBytes.ReadWord(seed, h.IndexStart + (rng.Next(h.Il) * RpmHeaderSpan.IndexEntryLength) + (word * WordLength));
        int[] hostile = word switch
        {
            1 => [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, -1, 0x10000],
            _ => [0, -1, 1, int.MaxValue, int.MinValue, h.Dl, h.Dl - 1, h.Dl - 16, current + 1, current - 1, other, 0xFFFFF, 0x100000, current * 2],
        };
        var value = hostile[rng.Next(hostile.Length)];
        return new Mutation(RpmBytes.WithWord(seed, at, value), "rpm-index", $"{h.Name} entry {entry} {WordNames[word]} {current} -> {value}");
    }

    private static Mutation Trailer(byte[] seed, RpmHeaderSpan h, Random rng)
    {
        var trailer = h.End - RpmHeaderSpan.RegionTrailerLength;
        var word = rng.Next(IndexWords);
        var current = RpmBytes.ReadWord(seed, trailer + (word * WordLength));
        int[] hostile = [0, 1, -1, 16, -16, current + 16, current - 16, int.MinValue, int.MaxValue, 62, 63, 7, -(h.Il + 1) * 16];
        var value = hostile[rng.Next(hostile.Length)];
        return new Mutation(RpmBytes.WithWord(seed, trailer + (word * WordLength), value), "rpm-trailer", $"{h.Name} region trailer {WordNames[word]} {current} -> {value}");
    }

    private static Mutation DataStore(byte[] seed, RpmHeaderSpan h, Random rng)
    {
        if (rng.Next(2) == 0)
            return new Mutation(ByteMutations.Scribble(seed, h.DataStart, h.Dl - RpmHeaderSpan.RegionTrailerLength, rng), "rpm-data", $"{h.Name} data store bytes");
        // Strings lose their terminators: a run of NULs becomes letters.
        var bytes = (byte[])seed.Clone();
        var from = h.DataStart + rng.Next(h.Dl - RpmHeaderSpan.RegionTrailerLength);
        var n = 0;
        for (var i = from; i < h.End - RpmHeaderSpan.RegionTrailerLength && n < 64; i++, n++)
            if (bytes[i] == 0)
                bytes[i] = (byte)'A';
        return new Mutation(bytes, "rpm-data", $"{h.Name} NULs from {from - h.DataStart} replaced");
    }

    private static Mutation Payload(byte[] seed, RpmBytes layout, Random rng)
    {
        var payload = seed[layout.PayloadStart..];
        var kind = CompressionCodec.Sniff(payload);
        var (damaged, what) = rng.Next(3) switch
        {
            0 => CompressedMember.DamageHeader(payload, kind, rng),
            1 => CompressedMember.BogusMagic(payload, rng),
            _ => (payload[..rng.Next(payload.Length)], "payload truncated"),
        };
        return new Mutation([.. seed[..layout.PayloadStart], .. damaged], "rpm-payload", $"{kind} payload: {what}");
    }

    private static Mutation Cpio(byte[] seed, RpmBytes layout, Random rng)
    {
        var payload = seed[layout.PayloadStart..];
        var kind = CompressionCodec.Sniff(payload);
        var (cpio, what) = CpioMutations.Mutate(CompressedMember.Decode(payload, kind), rng);
        return new Mutation([.. seed[..layout.PayloadStart], .. CompressedMember.Encode(cpio, kind)], "cpio", $"{kind} payload: {what}");
    }
}
