using System.Buffers.Binary;
using System.Diagnostics.CodeAnalysis;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// One lane in a plain 32-bit word: finishes, from its saved chaining variables, a message that a vector path
/// started, once too few lanes are left for the vector to pay off (see <see cref="Md5MultiBuffer"/>).
/// </summary>
internal readonly struct Md5Lane1 : IMd5Lanes<uint>
{
    public static int Count => 1;

    // one lane is always "busy enough": this struct is the one-at-a-time path itself.
    public static int MinBusyLanes => 1;

    public static bool IsSupported => true;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Broadcast(uint value) => value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint Add(uint x, uint y) => x + y;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint F(uint x, uint y, uint z) => z ^ (x & (y ^ z));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint G(uint x, uint y, uint z) => y ^ (z & (x ^ y));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint H(uint x, uint y, uint z) => x ^ y ^ z;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint I(uint x, uint y, uint z) => y ^ (x | ~z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static uint RotateLeft(uint x, [ConstantExpected(Min = 1, Max = 31)] byte count) => BitOperations.RotateLeft(x, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe uint Load(uint* words) => *words;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(uint value, uint* words) => *words = value;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void LoadBlock(nint* lanes, nint offset, ref Md5Block<uint> block)
    {
        var bytes = new ReadOnlySpan<byte>((byte*)(lanes[0] + offset), Md5Format.BlockSize);
        for (var j = 0; j < Md5Format.WordsPerBlock; j++)
            block[j] = BinaryPrimitives.ReadUInt32LittleEndian(bytes[(j * sizeof(uint))..]);
    }
}
