using System.Text;
using NUnit.Framework;
using Pkgify.Core.Model;
using Shouldly;

namespace Pkgify.Core.Tests.Model;

/// <summary>The comparer orders exactly as the UTF-8 bytes do (what `LC_ALL=C sort` and rpmbuild use).</summary>
public class Utf8PathComparerTests
{
    // The alphabet where UTF-16 order and UTF-8 order disagree: ASCII, a BMP letter, characters just below and
    // above the surrogate range (U+D7FF, U+E000, U+FFFD... as code units E000-FFFF sort above surrogates in
    // UTF-16), and characters above U+FFFF (surrogate pairs).
    private static readonly string[] Pieces = ["a", "b", "/", "é", "\uD7FF", "\uE000", "\uFFFD", "\uFF21", "😀", "😁", "𝄞", "\U0010FFFF"];

    [Test]
    public void Orders_as_the_utf8_bytes_do()
    {
        var random = new Random(7);
        var strings = Enumerable.Range(0, 3000)
            .Select(_ => string.Concat(Enumerable.Range(0, random.Next(0, 6)).Select(_ => Pieces[random.Next(Pieces.Length)])))
            .ToList();
        for (int i = 0; i + 1 < strings.Count; i++)
        {
            var (x, y) = (strings[i], strings[i + 1]);
            int expected = Math.Sign(Encoding.UTF8.GetBytes(x).AsSpan().SequenceCompareTo(Encoding.UTF8.GetBytes(y)));
            Math.Sign(Utf8PathComparer.Instance.Compare(x, y)).ShouldBe(expected, $"'{x}' vs '{y}'");
            Math.Sign(Utf8PathComparer.Instance.Compare(y, x)).ShouldBe(-expected, $"'{y}' vs '{x}'");
        }
    }

    [Test]
    public void A_character_above_ffff_sorts_after_every_bmp_character_unlike_ordinal()
    {
        string.CompareOrdinal("/opt/😀", "/opt/\uFFFD").ShouldBeLessThan(0, "UTF-16 order");
        Utf8PathComparer.Instance.Compare("/opt/😀", "/opt/\uFFFD").ShouldBeGreaterThan(0);
        Utf8PathComparer.Instance.Compare("/opt/a", "/opt/a/b").ShouldBeLessThan(0);
        Utf8PathComparer.Instance.Compare("/opt/a", "/opt/a").ShouldBe(0);
    }
}
