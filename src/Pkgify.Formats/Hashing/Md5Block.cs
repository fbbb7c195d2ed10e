using System.Runtime.CompilerServices;

namespace Pkgify.Formats.Hashing;

/// <summary>The 16 words X[0..15] of one 64-byte block (RFC 1321 §3.4), one vector per word across the lanes.</summary>
[InlineArray(Md5Format.WordsPerBlock)]
internal struct Md5Block<TVec> where TVec : unmanaged
{
    private TVec _word;
}

/// <summary>The chaining variables A, B, C, D (RFC 1321 §3.3) of every lane.</summary>
internal struct Md5State<TVec> where TVec : unmanaged
{
    public TVec A;
    public TVec B;
    public TVec C;
    public TVec D;
}
