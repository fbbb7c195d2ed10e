using Pkgify.Core.Model;

namespace Pkgify.Core.Progress;

/// <summary>
/// A file source that reports every byte a writer reads from it, so the bytes fed to the compressor can
/// be shown as progress without the writers knowing about progress.
/// </summary>
/// <param name="Inner">The real source.</param>
/// <param name="Step">The step the bytes are added to.</param>
public sealed record CountingFileSource(FileSource Inner, IProgressStep Step) : FileSource
{
    /// <inheritdoc />
    public override Stream Open() => new CountingReadStream(Inner.Open(), Step);

    /// <summary>Wraps every regular file's source of <paramref name="model"/> in a counting one.</summary>
    public static PackageModel Wrap(PackageModel model, IProgressStep step) => model with
    {
        Files = [.. model.Files.Select(f => f.Source is null ? f : f with { Source = new CountingFileSource(f.Source, step) })],
    };

    /// <summary>The bytes a writer of <paramref name="family"/> reads from the model's files.</summary>
    public static long TotalBytes(PackageModel model, PackageFamily family) =>
        model.FilesFor(family).Where(f => f.Kind == FileKind.Regular && f.Source is not null).Sum(f => f.Size);

    private sealed class CountingReadStream(Stream inner, IProgressStep step) : Stream
    {
        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => inner.Length;
        public override long Position { get => inner.Position; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));
        public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));
        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }

        private int Count(int n)
        {
            if (n > 0) step.Advance(n);
            return n;
        }
    }
}
