using System.Globalization;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Damage aimed at each layer of a .deb (deb(5)): the raw bytes, the ar headers (size fields huge, negative, off
/// by one; names, modes, magics), the member list (shuffled, duplicated, dropped, renamed, extra members), the
/// compressed streams (header fields, bogus magic, truncation with the ar size kept consistent) and the tar
/// streams inside them (decoded, damaged by <see cref="TarMutations"/>, re-encoded with the same codec).
/// </summary>
public sealed class DebMutator : IPackageMutator
{
    private static readonly string[] HostileArSizes = ["9999999999", "-1", "-999999999", "0", "", " 12", "0x10", "1e3", "4294967296", "2147483648"];
    private static readonly string[] MemberNames =
        ["data.tar.bz2", "data.tar.lzma", "control.tar", "data.tar", "control.tar.zst", "data.tar.gz", "_ignored", "debian-binary", "", "data.tar.xz/", "control.tar.xz", "x"];
    private static readonly string[] DebianBinary = ["3.0\n", "2.0", "2.9999\nmore\n", "", "\n", "2.0\n\0\0\0", "1.0\n"];

    public string Format => "deb";

    public Mutation Mutate(byte[] seed, Random rng)
    {
        var parts = ArBytes.Split(seed);
        return rng.Next(10) switch
        {
            0 or 1 => ByteMutations.Any(seed, rng),
            2 => ArSize(seed, parts, rng),
            3 => ArHeader(seed, parts, rng),
            4 => Members(parts, rng),
            5 => Compressed(parts, rng, header: true),
            6 => Compressed(parts, rng, header: false),
            _ => Tar(parts, rng),
        };
    }

    private static Mutation ArSize(byte[] seed, List<ArPart> parts, Random rng)
    {
        var part = parts[rng.Next(parts.Count)];
        var value = rng.Next(3) == 0
            ? (part.Data.Length + rng.Next(-2, 3)).ToString(CultureInfo.InvariantCulture)
            : HostileArSizes[rng.Next(HostileArSizes.Length)];
        var bytes = ArBytes.WithField(seed, part.HeaderOffset, ArBytes.SizeOffset, ArBytes.SizeLength, value);
        return new Mutation(bytes, "ar-size", $"ar size of '{part.Name}' = '{value}'");
    }

    private static Mutation ArHeader(byte[] seed, List<ArPart> parts, Random rng)
    {
        if (rng.Next(6) == 0)
            return new Mutation(ByteMutations.Scribble(seed, 0, ArBytes.GlobalMagic.Length, rng), "ar-header", "global magic");
        var part = parts[rng.Next(parts.Count)];
        var (offset, length, field) = rng.Next(4) switch
        {
            0 => (0, ArBytes.NameLength, "name"),
            1 => (ArBytes.MTimeOffset, 12, "mtime"),
            2 => (ArBytes.ModeOffset, 8, "mode"),
            _ => (ArBytes.EndMagicOffset, 2, "end magic"),
        };
        return new Mutation(ByteMutations.Scribble(seed, part.HeaderOffset + offset, length, rng), "ar-header", $"ar {field} of '{part.Name}'");
    }

    private static Mutation Members(List<ArPart> parts, Random rng)
    {
        var list = parts.Select(p => (p.Name, p.Data)).ToList();
        var i = rng.Next(list.Count);
        string what;
        switch (rng.Next(6))
        {
            case 0:
                list = list.OrderBy(_ => rng.Next()).ToList();
                what = "members shuffled: " + string.Join(",", list.Select(p => p.Name));
                break;
            case 1:
                list.Insert(rng.Next(list.Count + 1), list[i]);
                what = $"member '{list[i].Name}' duplicated";
                break;
            case 2:
                what = $"member '{list[i].Name}' dropped";
                list.RemoveAt(i);
                break;
            case 3:
                var name = MemberNames[rng.Next(MemberNames.Length)];
                what = $"member '{list[i].Name}' renamed '{name}'";
                list[i] = (name, list[i].Data);
                break;
            case 4:
                var junk = ByteMutations.RandomRun(rng);
                var at = rng.Next(list.Count + 1);
                var junkName = rng.Next(2) == 0 ? "_junk" : MemberNames[rng.Next(MemberNames.Length)];
                list.Insert(at, (junkName, junk));
                what = $"extra member '{junkName}' of {junk.Length} bytes at {at}";
                break;
            default:
                var text = DebianBinary[rng.Next(DebianBinary.Length)];
                list[0] = (list[0].Name, System.Text.Encoding.ASCII.GetBytes(text));
                what = $"debian-binary says '{Pkgify.Core.Validation.Printable.Escape(text)}'";
                break;
        }
        return new Mutation(ArBytes.Join(list), "ar-members", what);
    }

    /// <summary>Header damage or bogus magic on a compressed member, or the stream truncated with a consistent ar size.</summary>
    private static Mutation Compressed(List<ArPart> parts, Random rng, bool header)
    {
        var index = PickTarMember(parts, rng);
        var part = parts[index];
        var kind = CompressedMember.KindOf(part.Name);
        var (data, what) = header
            ? CompressedMember.DamageHeader(part.Data, kind, rng)
            : rng.Next(2) == 0
                ? CompressedMember.BogusMagic(part.Data, rng)
                : (part.Data[..rng.Next(part.Data.Length)], "stream truncated (ar size follows)");
        var list = parts.Select(p => (p.Name, p.Data)).ToList();
        list[index] = (part.Name, data);
        return new Mutation(ArBytes.Join(list), header ? "compressed-header" : "compressed-stream", $"'{part.Name}': {what}");
    }

    private static Mutation Tar(List<ArPart> parts, Random rng)
    {
        var index = PickTarMember(parts, rng);
        var part = parts[index];
        var kind = CompressedMember.KindOf(part.Name);
        var (tar, what) = TarMutations.Mutate(CompressedMember.Decode(part.Data, kind), rng);
        var list = parts.Select(p => (p.Name, p.Data)).ToList();
        list[index] = (part.Name, CompressedMember.Encode(tar, kind));
        return new Mutation(ArBytes.Join(list), "tar", $"'{part.Name}' ({kind}): {what}");
    }

    private static int PickTarMember(List<ArPart> parts, Random rng)
    {
        var tars = parts.Select((p, i) => (p, i)).Where(x => x.p.Name.Contains(".tar", StringComparison.Ordinal)).Select(x => x.i).ToList();
        return tars[rng.Next(tars.Count)];
    }
}
