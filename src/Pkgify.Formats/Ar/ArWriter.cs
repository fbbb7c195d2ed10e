using System.Globalization;
using System.Text;
using Pkgify.Formats.IO;
using L = Pkgify.Formats.Ar.ArHeaderLayout;

namespace Pkgify.Formats.Ar;

/// <summary>
/// Writes an ar archive byte for byte as dpkg-deb does (lib/dpkg/ar.c: header
/// <c>%-16s%-12ld%-6d%-6d%-8o%-10ld`\n</c>, uid/gid 0, mode 100644, odd sizes padded with '\n').
/// The global magic is written by the constructor.
/// </summary>
public sealed class ArWriter : IDisposable
{
    private const char Delete = '\x7f';

    private readonly Stream _output;
    private readonly long _mtime;
    private readonly bool _leaveOpen;
    private bool _disposed;

    /// <summary>Starts an archive on <paramref name="output"/>; every member gets <paramref name="mtime"/>.</summary>
    public ArWriter(Stream output, long mtime, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentOutOfRangeException.ThrowIfNegative(mtime);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(mtime, L.MaxMTime);
        _output = output;
        _mtime = mtime;
        _leaveOpen = leaveOpen;
        _output.Write(L.GlobalMagic);
    }

    /// <summary>Writes a member holding <paramref name="data"/>.</summary>
    public void WriteMember(string name, ReadOnlySpan<byte> data)
    {
        WriteHeader(name, data.Length);
        _output.Write(data);
        WritePadding(data.Length);
    }

    /// <summary>Writes a member streamed from <paramref name="data"/>, which must hold exactly <paramref name="size"/> bytes.</summary>
    /// <exception cref="IOException">The stream is shorter or longer than <paramref name="size"/>.</exception>
    public void WriteMember(string name, Stream data, long size)
    {
        ArgumentNullException.ThrowIfNull(data);
        WriteHeader(name, size);
        ExactCopy.Copy(data, _output, size, $"ar member '{name}'");
        WritePadding(size);
    }

    /// <summary>Flushes, and closes the output unless leaveOpen was given.</summary>
    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        _output.Flush();
        if (!_leaveOpen)
        {
            _output.Dispose();
        }
    }

    private void WriteHeader(string name, long size)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        ValidateName(name);
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(size, L.MaxSize);

        var mode = Convert.ToString(L.MemberMode, 8);
        var header = string.Create(CultureInfo.InvariantCulture,
            $"{name,-L.NameLength}{_mtime,-L.MTimeLength}{0,-L.UidLength}{0,-L.GidLength}{mode,-L.ModeLength}{size,-L.SizeLength}");
        Span<byte> bytes = stackalloc byte[L.HeaderSize];
        Encoding.ASCII.GetBytes(header, bytes);
        L.MemberMagic.CopyTo(bytes[L.MagicOffset..]);
        _output.Write(bytes);
    }

    private void WritePadding(long size)
    {
        if (L.PaddingFor(size) != 0)
        {
            _output.WriteByte(L.PadByte);
        }
    }

    private static void ValidateName(string name)
    {
        // dpkg strips trailing spaces and one '/' when reading (formats.md §1.1), so neither may be part of a name.
        if (string.IsNullOrEmpty(name) || name.Length > L.MaxNameLength
            || name.Any(c => c is '/' or <= ' ' or >= Delete))
        {
            throw new ArgumentException(
                $"ar member name '{name}' must be 1 to {L.MaxNameLength} printable ASCII characters without '/' or spaces", nameof(name));
        }
    }
}
