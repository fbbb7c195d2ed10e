using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// Sixteen lanes in one 512-bit register (AVX-512F). VPTERNLOGD computes each of F, G, H, I in one instruction
/// and VPROLD rotates in one.
/// </summary>
internal readonly struct Md5Lanes512 : IMd5Lanes<Vector512<uint>>
{
    // VPTERNLOGD truth tables: bit (4x + 2y + z) of the immediate is Fn(x, y, z) (Intel SDM, VPTERNLOGD);
    // evaluated on x = 0xF0, y = 0xCC, z = 0xAA.
    private const byte TableF = 0xCA; // (x & y) | (~x & z)
    private const byte TableG = 0xE4; // (x & z) | (y & ~z)
    private const byte TableH = 0x96; // x ^ y ^ z
    private const byte TableI = 0x39; // y ^ (x | ~z)

    // VSHUFI32X4 selectors: 128-bit quarters (0,1 of the first, 0,1 of the second), (2,3 | 2,3), (0,2 | 0,2), (1,3 | 1,3).
    private const byte QuartersLow = 0x44, QuartersHigh = 0xEE, QuartersEven = 0x88, QuartersOdd = 0xDD;

    private const int Lanes = 16;

    public static int Count => Lanes;

    // a 16-lane pass costs ~1.7 single-message hashes (OpenSSL's) on AMD Zen 4, so two busy lanes already win.
    public static int MinBusyLanes => 2;

    public static bool IsSupported => Avx512F.IsSupported;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Broadcast(uint value) => Vector512.Create(value);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> Add(Vector512<uint> x, Vector512<uint> y) => Avx512F.Add(x, y);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> F(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) => Avx512F.TernaryLogic(x, y, z, TableF);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> G(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) => Avx512F.TernaryLogic(x, y, z, TableG);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> H(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) => Avx512F.TernaryLogic(x, y, z, TableH);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> I(Vector512<uint> x, Vector512<uint> y, Vector512<uint> z) => Avx512F.TernaryLogic(x, y, z, TableI);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Vector512<uint> RotateLeft(Vector512<uint> x, [ConstantExpected(Min = 1, Max = 31)] byte count) =>
        Avx512F.RotateLeft(x, count);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe Vector512<uint> Load(uint* words) => Vector512.Load(words);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void Store(Vector512<uint> value, uint* words) => value.Store(words);

    /// <summary>
    /// Each lane's block is one 64-byte row; the 16×16 word matrix is transposed in registers: 32-bit then 64-bit
    /// unpacks within 128-bit quarters, then two rounds of quarter shuffles.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static unsafe void LoadBlock(nint* lanes, nint offset, ref Md5Block<Vector512<uint>> block)
    {
        // After the unpacks, quarter q of u[4g + m] holds word 4q + m of rows 4g .. 4g + 3.
        Unpack4(lanes, offset, 0, out var u0, out var u1, out var u2, out var u3);
        Unpack4(lanes, offset, 4, out var u4, out var u5, out var u6, out var u7);
        Unpack4(lanes, offset, 8, out var u8, out var u9, out var u10, out var u11);
        Unpack4(lanes, offset, 12, out var u12, out var u13, out var u14, out var u15);
        Quarters(u0, u4, u8, u12, ref block, 0);
        Quarters(u1, u5, u9, u13, ref block, 1);
        Quarters(u2, u6, u10, u14, ref block, 2);
        Quarters(u3, u7, u11, u15, ref block, 3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static unsafe void Unpack4(nint* lanes, nint offset, int first,
        out Vector512<uint> w0, out Vector512<uint> w1, out Vector512<uint> w2, out Vector512<uint> w3)
    {
        var r0 = Vector512.Load((uint*)(lanes[first] + offset));
        var r1 = Vector512.Load((uint*)(lanes[first + 1] + offset));
        var r2 = Vector512.Load((uint*)(lanes[first + 2] + offset));
        var r3 = Vector512.Load((uint*)(lanes[first + 3] + offset));
        var t0 = Avx512F.UnpackLow(r0, r1).AsUInt64();
        var t1 = Avx512F.UnpackHigh(r0, r1).AsUInt64();
        var t2 = Avx512F.UnpackLow(r2, r3).AsUInt64();
        var t3 = Avx512F.UnpackHigh(r2, r3).AsUInt64();
        w0 = Avx512F.UnpackLow(t0, t2).AsUInt32();
        w1 = Avx512F.UnpackHigh(t0, t2).AsUInt32();
        w2 = Avx512F.UnpackLow(t1, t3).AsUInt32();
        w3 = Avx512F.UnpackHigh(t1, t3).AsUInt32();
    }

    // x_g holds, in quarter q, word 4q + m of row group g; word 4q + m of all rows is quarter q of every x_g.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Quarters(Vector512<uint> x0, Vector512<uint> x1, Vector512<uint> x2, Vector512<uint> x3,
        ref Md5Block<Vector512<uint>> block, int m)
    {
        var v0 = Avx512F.Shuffle4x128(x0, x1, QuartersLow);
        var v1 = Avx512F.Shuffle4x128(x0, x1, QuartersHigh);
        var v2 = Avx512F.Shuffle4x128(x2, x3, QuartersLow);
        var v3 = Avx512F.Shuffle4x128(x2, x3, QuartersHigh);
        block[m] = Avx512F.Shuffle4x128(v0, v2, QuartersEven);
        block[4 + m] = Avx512F.Shuffle4x128(v0, v2, QuartersOdd);
        block[8 + m] = Avx512F.Shuffle4x128(v1, v3, QuartersEven);
        block[12 + m] = Avx512F.Shuffle4x128(v1, v3, QuartersOdd);
    }
}
