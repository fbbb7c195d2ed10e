namespace Pkgify.Formats.Compression;

/// <summary>CompressionKind.None: reads bytes through unchanged, with the same Dispose/leaveOpen rules as the codecs.</summary>
internal sealed class StoredDecoderStream(Stream input, bool leaveOpen) : DecoderStream(input, leaveOpen)
{
    protected override int ReadCore(Span<byte> buffer) => Input.Read(buffer);

    protected override void ReleaseCodec() { }
}
