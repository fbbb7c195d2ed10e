using System.Buffers;
using System.Runtime.CompilerServices;

namespace Pkgify.Formats.Hashing;

/// <summary>The pin of the message each lane is reading, kept on the stack (no allocation per message).</summary>
[InlineArray(MaxLanes)]
internal struct Md5LanePins
{
    /// <summary>The widest vector path (AVX-512: 16 × 32-bit lanes).</summary>
    public const int MaxLanes = 16;

    private MemoryHandle _pin;
}
