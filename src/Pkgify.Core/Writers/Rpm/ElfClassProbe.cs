using Pkgify.Core.IO;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// Read-through stream that keeps the first bytes of a file as they pass, so the file's ELF class (rpm's
/// FILECOLORS: 1 = ELF32, 2 = ELF64, `rpm: build/rpmfc.c`) is known from the same read that hashes and archives it.
/// </summary>
internal sealed class ElfClassProbe(Stream inner) : ForwardReadStream
{
    // ELF identification (elf(5)): 0x7F 'E' 'L' 'F', then EI_CLASS at offset 4 (1 = 32-bit, 2 = 64-bit).
    private static ReadOnlySpan<byte> ElfMagic => [0x7F, (byte)'E', (byte)'L', (byte)'F'];
    private const int ClassOffset = 4;
    private const int ElfClass32 = 1, ElfClass64 = 2;

    private readonly byte[] _head = new byte[ClassOffset + 1];
    private int _headLength;

    /// <summary>The FILECOLORS value of what was read: 1 (ELF32), 2 (ELF64) or 0.</summary>
    public int Color =>
        _headLength == _head.Length && _head.AsSpan().StartsWith(ElfMagic) && _head[ClassOffset] is ElfClass32 or ElfClass64
            ? _head[ClassOffset]
            : 0;

    /// <inheritdoc />
    public override int Read(Span<byte> buffer)
    {
        int n = inner.Read(buffer);
        int keep = Math.Min(n, _head.Length - _headLength);
        buffer[..keep].CopyTo(_head.AsSpan(_headLength));
        _headLength += keep;
        return n;
    }

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
