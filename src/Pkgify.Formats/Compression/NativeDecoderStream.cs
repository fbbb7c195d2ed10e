namespace Pkgify.Formats.Compression;

/// <summary>
/// The read loop shared by the native decoders: refill the compressed-input buffer, let the codec take one
/// step, and turn "no progress while the input is exhausted" into a truncation error, so a damaged input can
/// neither hang a reader nor end in a silent short read.
/// </summary>
internal abstract class NativeDecoderStream(Stream input, bool leaveOpen) : DecoderStream(input, leaveOpen)
{
    /// <summary>Compressed bytes read from the input per refill.</summary>
    private const int InputBufferSize = 128 * 1024;

    /// <summary>Consecutive steps without progress tolerated before the input is declared damaged.</summary>
    private const int MaxStalls = 2;

    private readonly byte[] _inputBuffer = new byte[InputBufferSize];
    private int _inputStart;
    private int _inputEnd;
    private bool _inputExhausted;
    private bool _sawInput;
    private bool _finished;

    /// <summary>What one codec call did.</summary>
    /// <param name="Consumed">Compressed bytes taken from the input.</param>
    /// <param name="Produced">Decompressed bytes written to the output.</param>
    /// <param name="Finished">The compressed data ended properly; nothing more will be produced.</param>
    /// <param name="Moved">The codec advanced without consuming or producing (e.g. a gzip member ended).</param>
    protected readonly record struct DecodeStep(int Consumed, int Produced, bool Finished = false, bool Moved = false);

    /// <summary>The codec's name, prefixed to every error message ("xz: ...").</summary>
    protected abstract string CodecName { get; }

    /// <summary>
    /// One codec call from <paramref name="input"/> into <paramref name="output"/>. <paramref name="inputEnded"/>:
    /// <paramref name="input"/> is empty and the underlying stream has ended.
    /// </summary>
    protected abstract DecodeStep Step(Span<byte> output, ReadOnlySpan<byte> input, bool inputEnded);

    protected sealed override int ReadCore(Span<byte> buffer)
    {
        if (_finished)
            return 0;
        for (int stalls = 0; ;)
        {
            bool more = RefillInput();
            var step = Step(buffer, _inputBuffer.AsSpan(_inputStart, _inputEnd - _inputStart), inputEnded: !more);
            _inputStart += step.Consumed;
            if (step.Finished)
            {
                if (!_sawInput)
                    throw Truncated();
                _finished = true;
                return step.Produced;
            }
            if (step.Produced > 0)
                return step.Produced;
            bool progressed = step.Consumed > 0 || step.Moved;
            stalls = progressed ? 0 : stalls + 1;
            if (stalls >= MaxStalls || (!more && !progressed))
                throw Truncated();
        }
    }

    /// <summary>The exception for damaged input: "codec: reason".</summary>
    protected InvalidDataException Damaged(string reason) => new($"{CodecName}: {reason}");

    /// <summary>The exception for input that ends before the compressed data does.</summary>
    protected InvalidDataException Truncated() =>
        Damaged(_sawInput ? "unexpected end of input (truncated data)" : "empty input (no compressed data)");

    /// <summary>Reads more compressed bytes once all buffered ones are consumed; false at end of input.</summary>
    private bool RefillInput()
    {
        if (_inputStart < _inputEnd)
            return true;
        if (_inputExhausted)
            return false;
        int n = Input.Read(_inputBuffer, 0, _inputBuffer.Length);
        _inputStart = 0;
        _inputEnd = n;
        _inputExhausted = n == 0;
        _sawInput |= n > 0;
        return n > 0;
    }
}
