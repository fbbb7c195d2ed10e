namespace Pkgify.Formats.Tar;

/// <summary>
/// Header checksum (&lt;tar.h&gt;): the sum of all 512 header bytes with the 8 checksum bytes counted as spaces.
/// Historic tars summed signed chars, so readers accept either sum (GNU tar does the same).
/// </summary>
internal static class TarChecksum
{
    private const int ChecksumDigits = 6;

    public static (long Unsigned, long Signed) Compute(ReadOnlySpan<byte> block)
    {
        long unsignedSum = 0;
        long signedSum = 0;
        for (var i = 0; i < TarHeaderLayout.BlockSize; i++)
        {
            var inChecksum = i is >= TarHeaderLayout.ChecksumOffset
                and < TarHeaderLayout.ChecksumOffset + TarHeaderLayout.ChecksumLength;
            var b = inChecksum ? (byte)' ' : block[i];
            unsignedSum += b;
            signedSum += (sbyte)b;
        }

        return (unsignedSum, signedSum);
    }

    /// <summary>Stores the checksum as GNU tar does: six octal digits, NUL, space.</summary>
    public static void Store(Span<byte> block)
    {
        var field = block.Slice(TarHeaderLayout.ChecksumOffset, TarHeaderLayout.ChecksumLength);
        TarNumericField.WriteOctal(field[..(ChecksumDigits + 1)], Compute(block).Unsigned);
        field[^1] = (byte)' ';
    }

    /// <summary>True when the stored checksum matches the block's unsigned or signed sum.</summary>
    public static bool Verify(ReadOnlySpan<byte> block, string what)
    {
        var stored = TarNumericField.Parse(
            block.Slice(TarHeaderLayout.ChecksumOffset, TarHeaderLayout.ChecksumLength), what + " checksum");
        var (unsignedSum, signedSum) = Compute(block);
        return stored == unsignedSum || stored == signedSum;
    }
}
