using System.Diagnostics.CodeAnalysis;

namespace Pkgify.Formats.Hashing;

/// <summary>
/// The word operations MD5 needs, on a vector whose lane <c>i</c> belongs to message <c>i</c>. One struct per
/// instruction set; <see cref="Md5Rounds{TLanes,TVec}"/> is generic over it so the 64 steps are written once and the
/// JIT specialises (and inlines) them per vector width.
/// </summary>
internal interface IMd5Lanes<TVec> where TVec : unmanaged
{
    /// <summary>Messages hashed side by side.</summary>
    static abstract int Count { get; }

    /// <summary>
    /// The fewest busy lanes for which one vector pass is cheaper than hashing those messages one at a time
    /// (measured on equal-length messages: see <see cref="Md5MultiBuffer"/>).
    /// </summary>
    static abstract int MinBusyLanes { get; }

    /// <summary>Whether this CPU runs the instructions the struct uses.</summary>
    static abstract bool IsSupported { get; }

    /// <summary>The same word in every lane.</summary>
    static abstract TVec Broadcast(uint value);

    /// <summary>Lane-wise addition modulo 2^32.</summary>
    static abstract TVec Add(TVec x, TVec y);

    /// <summary>RFC 1321 §3.4 F(X,Y,Z) = XY v not(X) Z.</summary>
    static abstract TVec F(TVec x, TVec y, TVec z);

    /// <summary>RFC 1321 §3.4 G(X,Y,Z) = XZ v Y not(Z).</summary>
    static abstract TVec G(TVec x, TVec y, TVec z);

    /// <summary>RFC 1321 §3.4 H(X,Y,Z) = X xor Y xor Z.</summary>
    static abstract TVec H(TVec x, TVec y, TVec z);

    /// <summary>RFC 1321 §3.4 I(X,Y,Z) = Y xor (X v not(Z)).</summary>
    static abstract TVec I(TVec x, TVec y, TVec z);

    /// <summary>Lane-wise rotation left by a constant.</summary>
    static abstract TVec RotateLeft(TVec x, [ConstantExpected(Min = 1, Max = 31)] byte count);

    /// <summary>Reads lane <c>i</c>'s word from <c>words[i]</c> for every lane.</summary>
    static abstract unsafe TVec Load(uint* words);

    /// <summary>Writes lane <c>i</c>'s word to <c>words[i]</c>.</summary>
    static abstract unsafe void Store(TVec value, uint* words);

    /// <summary>
    /// Loads one 64-byte block per lane, at <c>lanes[i] + offset</c>, transposed: <c>block[j]</c> holds little-endian
    /// word <c>j</c> of every lane's block (RFC 1321 §3.4 "copy block i into X").
    /// </summary>
    static abstract unsafe void LoadBlock(nint* lanes, nint offset, ref Md5Block<TVec> block);
}
