using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// The MD5 compression function (RFC 1321 §3.4) applied to every lane at once: four rounds of sixteen steps
/// <c>a = b + ((a + Fn(b,c,d) + X[k] + T[i]) &lt;&lt;&lt; s)</c>, Fn being F, G, H then I. Written out step by step so every rotation count
/// and table entry is a constant the JIT folds into the instruction.
/// </summary>
internal static class Md5Rounds<TLanes, TVec> where TLanes : IMd5Lanes<TVec> where TVec : unmanaged
{
    // Rotation counts of RFC 1321 §3.4, per round and step-in-group ("[ABCD  0  7  1]" ...).
    private const byte S11 = 7, S12 = 12, S13 = 17, S14 = 22;
    private const byte S21 = 5, S22 = 9, S23 = 14, S24 = 20;
    private const byte S31 = 4, S32 = 11, S33 = 16, S34 = 23;
    private const byte S41 = 6, S42 = 10, S43 = 15, S44 = 21;

    /// <summary>Adds one block per lane into <paramref name="state"/>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Compress(ref Md5State<TVec> state, ref Md5Block<TVec> x)
    {
        ReadOnlySpan<uint> t = Md5SineTable.T;
        TVec a = state.A, b = state.B, c = state.C, d = state.D;

        // Round 1: X[k] in order.
        a = Step(a, b, TLanes.F(b, c, d), x[0], t[0], S11);
        d = Step(d, a, TLanes.F(a, b, c), x[1], t[1], S12);
        c = Step(c, d, TLanes.F(d, a, b), x[2], t[2], S13);
        b = Step(b, c, TLanes.F(c, d, a), x[3], t[3], S14);
        a = Step(a, b, TLanes.F(b, c, d), x[4], t[4], S11);
        d = Step(d, a, TLanes.F(a, b, c), x[5], t[5], S12);
        c = Step(c, d, TLanes.F(d, a, b), x[6], t[6], S13);
        b = Step(b, c, TLanes.F(c, d, a), x[7], t[7], S14);
        a = Step(a, b, TLanes.F(b, c, d), x[8], t[8], S11);
        d = Step(d, a, TLanes.F(a, b, c), x[9], t[9], S12);
        c = Step(c, d, TLanes.F(d, a, b), x[10], t[10], S13);
        b = Step(b, c, TLanes.F(c, d, a), x[11], t[11], S14);
        a = Step(a, b, TLanes.F(b, c, d), x[12], t[12], S11);
        d = Step(d, a, TLanes.F(a, b, c), x[13], t[13], S12);
        c = Step(c, d, TLanes.F(d, a, b), x[14], t[14], S13);
        b = Step(b, c, TLanes.F(c, d, a), x[15], t[15], S14);

        // Round 2: X[(1 + 5i) mod 16].
        a = Step(a, b, TLanes.G(b, c, d), x[1], t[16], S21);
        d = Step(d, a, TLanes.G(a, b, c), x[6], t[17], S22);
        c = Step(c, d, TLanes.G(d, a, b), x[11], t[18], S23);
        b = Step(b, c, TLanes.G(c, d, a), x[0], t[19], S24);
        a = Step(a, b, TLanes.G(b, c, d), x[5], t[20], S21);
        d = Step(d, a, TLanes.G(a, b, c), x[10], t[21], S22);
        c = Step(c, d, TLanes.G(d, a, b), x[15], t[22], S23);
        b = Step(b, c, TLanes.G(c, d, a), x[4], t[23], S24);
        a = Step(a, b, TLanes.G(b, c, d), x[9], t[24], S21);
        d = Step(d, a, TLanes.G(a, b, c), x[14], t[25], S22);
        c = Step(c, d, TLanes.G(d, a, b), x[3], t[26], S23);
        b = Step(b, c, TLanes.G(c, d, a), x[8], t[27], S24);
        a = Step(a, b, TLanes.G(b, c, d), x[13], t[28], S21);
        d = Step(d, a, TLanes.G(a, b, c), x[2], t[29], S22);
        c = Step(c, d, TLanes.G(d, a, b), x[7], t[30], S23);
        b = Step(b, c, TLanes.G(c, d, a), x[12], t[31], S24);

        // Round 3: X[(5 + 3i) mod 16].
        a = Step(a, b, TLanes.H(b, c, d), x[5], t[32], S31);
        d = Step(d, a, TLanes.H(a, b, c), x[8], t[33], S32);
        c = Step(c, d, TLanes.H(d, a, b), x[11], t[34], S33);
        b = Step(b, c, TLanes.H(c, d, a), x[14], t[35], S34);
        a = Step(a, b, TLanes.H(b, c, d), x[1], t[36], S31);
        d = Step(d, a, TLanes.H(a, b, c), x[4], t[37], S32);
        c = Step(c, d, TLanes.H(d, a, b), x[7], t[38], S33);
        b = Step(b, c, TLanes.H(c, d, a), x[10], t[39], S34);
        a = Step(a, b, TLanes.H(b, c, d), x[13], t[40], S31);
        d = Step(d, a, TLanes.H(a, b, c), x[0], t[41], S32);
        c = Step(c, d, TLanes.H(d, a, b), x[3], t[42], S33);
        b = Step(b, c, TLanes.H(c, d, a), x[6], t[43], S34);
        a = Step(a, b, TLanes.H(b, c, d), x[9], t[44], S31);
        d = Step(d, a, TLanes.H(a, b, c), x[12], t[45], S32);
        c = Step(c, d, TLanes.H(d, a, b), x[15], t[46], S33);
        b = Step(b, c, TLanes.H(c, d, a), x[2], t[47], S34);

        // Round 4: X[7i mod 16].
        a = Step(a, b, TLanes.I(b, c, d), x[0], t[48], S41);
        d = Step(d, a, TLanes.I(a, b, c), x[7], t[49], S42);
        c = Step(c, d, TLanes.I(d, a, b), x[14], t[50], S43);
        b = Step(b, c, TLanes.I(c, d, a), x[5], t[51], S44);
        a = Step(a, b, TLanes.I(b, c, d), x[12], t[52], S41);
        d = Step(d, a, TLanes.I(a, b, c), x[3], t[53], S42);
        c = Step(c, d, TLanes.I(d, a, b), x[10], t[54], S43);
        b = Step(b, c, TLanes.I(c, d, a), x[1], t[55], S44);
        a = Step(a, b, TLanes.I(b, c, d), x[8], t[56], S41);
        d = Step(d, a, TLanes.I(a, b, c), x[15], t[57], S42);
        c = Step(c, d, TLanes.I(d, a, b), x[6], t[58], S43);
        b = Step(b, c, TLanes.I(c, d, a), x[13], t[59], S44);
        a = Step(a, b, TLanes.I(b, c, d), x[4], t[60], S41);
        d = Step(d, a, TLanes.I(a, b, c), x[11], t[61], S42);
        c = Step(c, d, TLanes.I(d, a, b), x[2], t[62], S43);
        b = Step(b, c, TLanes.I(c, d, a), x[9], t[63], S44);

        // "Then perform the following additions" (end of §3.4).
        state.A = TLanes.Add(state.A, a);
        state.B = TLanes.Add(state.B, b);
        state.C = TLanes.Add(state.C, c);
        state.D = TLanes.Add(state.D, d);
    }

    // a + X[k] + T[i] does not depend on the previous step, so it is summed first; only the round function of b, c, d,
    // one add, the rotation and "+ b" stay on the step-to-step dependency chain.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static TVec Step(TVec a, TVec b, TVec fn, TVec x, uint t, [ConstantExpected(Min = 1, Max = 31)] byte s) =>
        TLanes.Add(b, TLanes.RotateLeft(TLanes.Add(TLanes.Add(a, TLanes.Add(x, TLanes.Broadcast(t))), fn), s));
}
