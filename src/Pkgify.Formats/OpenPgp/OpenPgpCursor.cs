using System.Buffers.Binary;

namespace Pkgify.Formats.OpenPgp;

/// <summary>
/// A forward reader over the bytes of one OpenPGP structure. Every read is checked against the bytes that are
/// really there, so a hostile length can never index outside the input or make us allocate; damage is an
/// <see cref="InvalidDataException"/> naming <c>what</c> was being read.
/// </summary>
internal ref struct OpenPgpCursor(ReadOnlySpan<byte> data, string what)
{
    // RFC 4880 §3.2: an MPI is a two-octet bit count followed by the big-endian value.
    private const int MpiLengthSize = 2;

    private readonly ReadOnlySpan<byte> _data = data;

    public int Position { get; private set; }

    public readonly int Remaining => _data.Length - Position;

    public readonly bool AtEnd => Position == _data.Length;

    public byte ReadByte() => ReadBytes(1)[0];

    public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(ReadBytes(2));

    public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(ReadBytes(4));

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0 || count > Remaining)
        {
            throw new InvalidDataException($"{what} is truncated (needs {count} bytes at offset {Position}, {Remaining} left)");
        }

        var slice = _data.Slice(Position, count);
        Position += count;
        return slice;
    }

    /// <summary>Reads an MPI and returns its value bytes (as stored: leading zero bits already stripped by the writer).</summary>
    public ReadOnlySpan<byte> ReadMpi()
    {
        if (Remaining < MpiLengthSize)
        {
            throw new InvalidDataException($"{what} is truncated (MPI length at offset {Position})");
        }

        int bits = ReadUInt16();
        return ReadBytes((bits + 7) / 8);
    }

    /// <summary>Everything not read yet.</summary>
    public ReadOnlySpan<byte> ReadRest() => ReadBytes(Remaining);

    /// <summary>Fails unless every byte was consumed: trailing bytes mean the structure is not what it claims.</summary>
    public readonly void ExpectEnd()
    {
        if (!AtEnd)
        {
            throw new InvalidDataException($"{what} has {Remaining} unexpected trailing bytes");
        }
    }
}
