using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// Eight lanes in one 256-bit register, with AVX2 only (no AVX-512VL): what a host without AVX-512 runs.
/// AVX2 has no rotate, so a rotation is two shifts (immediate counts once inlined) and an OR.
/// </summary>
internal readonly struct Md5Lanes256 : IMd5Lanes<Vector256<uint>>
{
    // VPERM2I128 selectors: the low 128-bit halves of both sources, then the high halves.
    private const byte LowHalves = 0x20, HighHalves = 0x31;

    private const int Lanes = 8;
    private const int WordBits = 32;
    private const int HalfBlock = 32;

    public static int Count => Lanes;

    // an 8-lane pass costs ~2.5 single-message hashes (OpenSSL's) on AMD Zen 4 with AVX-512 disabled, so three busy lanes win and two lose.
    public static int MinBusyLanes => 3;

    public static bool IsSupported => Avx2.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Broadcast(uint value) => Vector256.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> Add(Vector256<uint> x, Vector256<uint> y) => Avx2.Add(x, y);

    // F and G in their three-operation forms: z ^ (x & (y ^ z)) selects y where x is set, z elsewhere.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> F(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx2.Xor(z, Avx2.And(x, Avx2.Xor(y, z)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> G(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx2.Xor(y, Avx2.And(z, Avx2.Xor(x, y)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> H(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx2.Xor(Avx2.Xor(x, y), z);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> I(Vector256<uint> x, Vector256<uint> y, Vector256<uint> z) =>
        Avx2.Xor(y, Avx2.Or(x, Avx2.Xor(z, Vector256<uint>.AllBitsSet)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector256<uint> RotateLeft(Vector256<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx2.Or(Vector256.ShiftLeft(x, count), Vector256.ShiftRightLogical(x, WordBits - count));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector256<uint> Load(uint* words) => Vector256.Load(words);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(Vector256<uint> value, uint* words) => value.Store(words);

    /// <summary>Each lane's block is two 32-byte rows (words 0-7, 8-15); each 8×8 half is transposed in registers.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void LoadBlock(nint* lanes, nint offset, ref Md5Block<Vector256<uint>> block)
    {
        Transpose(lanes, offset, ref block, 0);
        Transpose(lanes, offset + HalfBlock, ref block, Lanes);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Transpose(nint* lanes, nint offset, ref Md5Block<Vector256<uint>> block, int firstWord)
    {
        // After the unpacks, half h of u[4g + m] holds word 4h + m of rows 4g .. 4g + 3.
        Unpack4(lanes, offset, 0, out var u0, out var u1, out var u2, out var u3);
        Unpack4(lanes, offset, 4, out var u4, out var u5, out var u6, out var u7);
        block[firstWord] = Avx2.Permute2x128(u0, u4, LowHalves);
        block[firstWord + 1] = Avx2.Permute2x128(u1, u5, LowHalves);
        block[firstWord + 2] = Avx2.Permute2x128(u2, u6, LowHalves);
        block[firstWord + 3] = Avx2.Permute2x128(u3, u7, LowHalves);
        block[firstWord + 4] = Avx2.Permute2x128(u0, u4, HighHalves);
        block[firstWord + 5] = Avx2.Permute2x128(u1, u5, HighHalves);
        block[firstWord + 6] = Avx2.Permute2x128(u2, u6, HighHalves);
        block[firstWord + 7] = Avx2.Permute2x128(u3, u7, HighHalves);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Unpack4(nint* lanes, nint offset, int first,
        out Vector256<uint> w0, out Vector256<uint> w1, out Vector256<uint> w2, out Vector256<uint> w3)
    {
        var r0 = Vector256.Load((uint*)(lanes[first] + offset));
        var r1 = Vector256.Load((uint*)(lanes[first + 1] + offset));
        var r2 = Vector256.Load((uint*)(lanes[first + 2] + offset));
        var r3 = Vector256.Load((uint*)(lanes[first + 3] + offset));
        var t0 = Avx2.UnpackLow(r0, r1).AsUInt64();
        var t1 = Avx2.UnpackHigh(r0, r1).AsUInt64();
        var t2 = Avx2.UnpackLow(r2, r3).AsUInt64();
        var t3 = Avx2.UnpackHigh(r2, r3).AsUInt64();
        w0 = Avx2.UnpackLow(t0, t2).AsUInt32();
        w1 = Avx2.UnpackHigh(t0, t2).AsUInt32();
        w2 = Avx2.UnpackLow(t1, t3).AsUInt32();
        w3 = Avx2.UnpackHigh(t1, t3).AsUInt32();
    }
}
