namespace Pkgify.Formats.Compression;

/// <summary>
/// The fixed buffer a native encoder writes compressed bytes into; handed to the output stream whenever it
/// fills, so memory stays at one buffer whatever the payload size.
/// </summary>
internal sealed class PendingOutput(Stream output)
{
    /// <summary>1 MiB: few, large writes to the output without holding more than one buffer.</summary>
    internal const int Capacity = 1024 * 1024;

    private readonly byte[] _buffer = new byte[Capacity];

    /// <summary>The buffer the codec writes into (pin it for the duration of one native call).</summary>
    public byte[] Buffer => _buffer;

    /// <summary>Bytes of <see cref="Buffer"/> already filled.</summary>
    public int Count { get; private set; }

    /// <summary>Free bytes after <see cref="Count"/>.</summary>
    public int Free => Capacity - Count;

    /// <summary>Records that the codec filled <paramref name="produced"/> more bytes; writes the buffer out when full.</summary>
    public void Advance(int produced)
    {
        Count += produced;
        if (Count == Capacity)
            WriteOut();
    }

    /// <summary>Writes the filled part to the output and empties the buffer.</summary>
    public void WriteOut()
    {
        if (Count == 0)
            return;
        output.Write(_buffer, 0, Count);
        Count = 0;
    }
}
