using Pkgify.Formats.Tar;

namespace Pkgify.Formats.Tests.Tar;

/// <summary>Octal and GNU base-256 number fields at their boundaries.</summary>
public class TarNumericFieldTests
{
    [TestCase(12, 0L, "00000000000\0")]
    [TestCase(12, 8589934591L, "77777777777\0")]
    [TestCase(8, 2097151L, "7777777\0")]
    [TestCase(8, 420L, "0000644\0")]
    public void SmallValuesAreNulTerminatedOctal(int length, long value, string expected)
    {
        var field = new byte[length];
        TarNumericField.Write(field, value);
        field.ShouldBe(System.Text.Encoding.ASCII.GetBytes(expected));
    }

    [TestCase(12, 8589934592L, new byte[] { 0x80, 0, 0, 0, 0, 0, 0, 2, 0, 0, 0, 0 })]
    [TestCase(8, 2097152L, new byte[] { 0x80, 0, 0, 0, 0, 0x20, 0, 0 })]
    [TestCase(12, -1L, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    [TestCase(12, -1000L, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFC, 0x18 })]
    [TestCase(8, long.MaxValue, new byte[] { 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF })]
    public void LargeAndNegativeValuesAreBase256(int length, long value, byte[] expected)
    {
        var field = new byte[length];
        TarNumericField.Write(field, value);
        field.ShouldBe(expected);
        if (length == 12)
        {
            TarNumericField.Parse(field, "test").ShouldBe(value);
        }
    }

    [Test]
    public void EveryWrittenValueParsesBack([Values(0L, 1L, 511L, 8589934591L, 8589934592L, -1L, long.MinValue, long.MaxValue / 3)] long value)
    {
        var field = new byte[12];
        TarNumericField.Write(field, value);
        TarNumericField.Parse(field, "test").ShouldBe(value);
    }

    [TestCase("  644 \0\0\0", 420L)]
    [TestCase("\0\0\0\0\0\0\0\0", 0L)]
    [TestCase("        ", 0L)]
    [TestCase("0000644 ", 420L)]
    public void ParsesOctalAsOldTarsWroteIt(string text, long expected) =>
        TarNumericField.Parse(System.Text.Encoding.ASCII.GetBytes(text), "test").ShouldBe(expected);

    [TestCase("0000648\0")]
    [TestCase("12 34\0\0\0")]
    [TestCase("-000001\0")]
    public void RejectsGarbage(string text) =>
        Should.Throw<InvalidDataException>(() => TarNumericField.Parse(System.Text.Encoding.ASCII.GetBytes(text), "test"));
}
