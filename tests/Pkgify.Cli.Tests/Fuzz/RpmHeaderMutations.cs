using Pkgify.Formats.Rpm;

namespace Pkgify.Cli.Tests.Fuzz;

/// <summary>
/// Damage to the MEANING of a main header that stays structurally valid: one entry's value changed (arrays a
/// file or dependency shorter or longer than their siblings, indexes and sizes out of range, hostile strings) or
/// the entry dropped, then the header re-serialised by <see cref="RpmHeaderBuilder"/> so rpm's layout checks pass
/// and the damage reaches the code that interprets file lists, dependencies and digests.
/// </summary>
internal static class RpmHeaderMutations
{
    private const int MainRegionTag = 63;
    private static readonly string[] HostileStrings = ["", "\n", "../../../etc/passwd", "/", "%{lua: os.exit(1)}", new string('x', 10_000), "\u00ff\u00fe", "unknown-algo"];
    private static readonly long[] HostileNumbers = [0, -1, 1, int.MaxValue, int.MinValue, 1_000_000, 0xFFFF, 0x8000, long.MaxValue, long.MinValue];

    public static (byte[] Header, string What) Mutate(byte[] seed, RpmHeaderSpan main, Random rng)
    {
        var header = RpmHeader.Read(new MemoryStream(seed, main.Start, main.End - main.Start), isSignature: false);
        var entries = header.Entries.Where(e => e.Tag != MainRegionTag).ToList();
        var i = rng.Next(entries.Count);
        var e = entries[i];
        string what;
        if (rng.Next(6) == 0)
        {
            entries.RemoveAt(i);
            what = $"tag {e.Tag} dropped";
        }
        else
        {
            (var value, what) = Change(e.Value, rng);
            entries[i] = e with { Value = value, Count = CountOf(value) };
            what = $"tag {e.Tag} ({e.Type}): {what}";
        }
        var builder = new RpmHeaderBuilder(MainRegionTag);
        foreach (var entry in entries)
            builder.AddEntry(entry);
        return (builder.Build(), what);
    }

    private static (object Value, string What) Change(object value, Random rng) => value switch
    {
        string => Pick(HostileStrings, rng) is var s ? (s, $"'{Show(s)}'") : default,
        string[] a => Resize(a, rng, () => Pick(HostileStrings, rng)),
        short[] a => Resize(a, rng, () => unchecked((short)Pick(HostileNumbers, rng))),
        int[] a => Resize(a, rng, () => unchecked((int)Pick(HostileNumbers, rng))),
        long[] a => Resize(a, rng, () => Pick(HostileNumbers, rng)),
        byte[] a => Resize(a, rng, () => (byte)rng.Next(256)),
        _ => (value, "unchanged"),
    };

    /// <summary>One element dropped, duplicated, or replaced by a hostile value (arrays keep at least one element).</summary>
    private static (object Value, string What) Resize<T>(T[] array, Random rng, Func<T> hostile)
    {
        var list = array.ToList();
        var i = rng.Next(list.Count);
        switch (rng.Next(3))
        {
            case 0 when list.Count > 1:
                list.RemoveAt(i);
                return (list.ToArray(), $"element {i} of {array.Length} dropped");
            case 1:
                list.Insert(i, list[i]);
                return (list.ToArray(), $"element {i} of {array.Length} duplicated");
            default:
                var v = hostile();
                list[i] = v;
                return (list.ToArray(), $"element {i} of {array.Length} = {Show(v?.ToString() ?? "")}");
        }
    }

    private static int CountOf(object value) => value switch
    {
        string => 1,
        Array a => a.Length,
        _ => 1,
    };

    private static T Pick<T>(T[] items, Random rng) => items[rng.Next(items.Length)];

    private static string Show(string s) => Pkgify.Core.Validation.Printable.Escape(s, 40);
}
