using System.Runtime.InteropServices;
using NUnit.Framework;
using Pkgify.Formats.Compression.Native;
using Shouldly;

namespace Pkgify.Formats.Tests.Compression;

/// <summary>
/// The managed mirrors of the C structs must match the LP64 layouts the C compiler gives
/// (values obtained with gcc and offsetof() against /usr/include/lzma.h and zlib.h).
/// </summary>
public class NativeLayoutTests
{
    [Test]
    public void LzmaStream_matches_the_C_layout()
    {
        Marshal.SizeOf<LzmaStream>().ShouldBe(136);
        Offset<LzmaStream>(nameof(LzmaStream.NextOut)).ShouldBe(24);
        Offset<LzmaStream>(nameof(LzmaStream.AvailOut)).ShouldBe(32);
        Offset<LzmaStream>(nameof(LzmaStream.Allocator)).ShouldBe(48);
        Offset<LzmaStream>(nameof(LzmaStream.Internal)).ShouldBe(56);
        Offset<LzmaStream>(nameof(LzmaStream.SeekPos)).ShouldBe(96);
        Offset<LzmaStream>(nameof(LzmaStream.ReservedInt3)).ShouldBe(112);
        Offset<LzmaStream>(nameof(LzmaStream.ReservedEnum1)).ShouldBe(128);
    }

    [Test]
    public void LzmaMt_matches_the_C_layout()
    {
        Marshal.SizeOf<LzmaMt>().ShouldBe(128);
        Offset<LzmaMt>(nameof(LzmaMt.BlockSize)).ShouldBe(8);
        Offset<LzmaMt>(nameof(LzmaMt.Timeout)).ShouldBe(16);
        Offset<LzmaMt>(nameof(LzmaMt.Preset)).ShouldBe(20);
        Offset<LzmaMt>(nameof(LzmaMt.Filters)).ShouldBe(24);
        Offset<LzmaMt>(nameof(LzmaMt.Check)).ShouldBe(32);
        Offset<LzmaMt>(nameof(LzmaMt.MemlimitThreading)).ShouldBe(64);
        Offset<LzmaMt>(nameof(LzmaMt.ReservedPtr1)).ShouldBe(96);
    }

    [Test]
    public void ZStream_matches_the_C_layout()
    {
        Marshal.SizeOf<ZStream>().ShouldBe(112);
        Offset<ZStream>(nameof(ZStream.AvailIn)).ShouldBe(8);
        Offset<ZStream>(nameof(ZStream.TotalIn)).ShouldBe(16);
        Offset<ZStream>(nameof(ZStream.NextOut)).ShouldBe(24);
        Offset<ZStream>(nameof(ZStream.AvailOut)).ShouldBe(32);
        Offset<ZStream>(nameof(ZStream.Msg)).ShouldBe(48);
        Offset<ZStream>(nameof(ZStream.State)).ShouldBe(56);
        Offset<ZStream>(nameof(ZStream.ZAlloc)).ShouldBe(64);
        Offset<ZStream>(nameof(ZStream.DataType)).ShouldBe(88);
        Offset<ZStream>(nameof(ZStream.Adler)).ShouldBe(96);
        Offset<ZStream>(nameof(ZStream.Reserved)).ShouldBe(104);
    }

    [Test]
    public void Zstd_buffers_are_three_words() =>
        (Marshal.SizeOf<ZstdInBuffer>(), Marshal.SizeOf<ZstdOutBuffer>()).ShouldBe((24, 24));

    private static int Offset<T>(string field) => (int)Marshal.OffsetOf<T>(field);
}
