using Shouldly;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Damages a package file in place, to prove that verify and the real tools notice.</summary>
public static class PackageBytes
{
    /// <summary>Overwrites the byte <paramref name="offset"/> bytes into the first occurrence of <paramref name="marker"/>.</summary>
    public static void Replace(string path, ReadOnlySpan<byte> marker, int offset, byte value)
    {
        var bytes = File.ReadAllBytes(path);
        var at = bytes.AsSpan().IndexOf(marker);
        at.ShouldBeGreaterThanOrEqualTo(0, "marker not found in the package");
        bytes[at + offset] = value;
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Reads <paramref name="length"/> bytes at <paramref name="offset"/>, lets <paramref name="change"/> edit them, writes them back.</summary>
    public static void Modify(string path, long offset, int length, Action<byte[]> change)
    {
        using var file = new FileStream(path, FileMode.Open, FileAccess.ReadWrite);
        var bytes = new byte[length];
        file.Position = offset;
        file.ReadExactly(bytes);
        change(bytes);
        file.Position = offset;
        file.Write(bytes);
    }
}
