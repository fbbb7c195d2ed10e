namespace Pkgify.Formats.Compression;

/// <summary>CompressionKind.None: passes bytes through unchanged, with the same Dispose/leaveOpen rules as the codecs.</summary>
internal sealed class StoredEncoderStream(Stream output, bool leaveOpen) : EncoderStream(output, leaveOpen)
{
    protected override void WriteCore(ReadOnlySpan<byte> data) => Output.Write(data);

    protected override void FlushCore() { }

    protected override void FinishCore() { }

    protected override void ReleaseCodec() { }
}
