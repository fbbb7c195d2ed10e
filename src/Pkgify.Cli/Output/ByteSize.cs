using System.Globalization;

namespace Pkgify.Cli.Output;

/// <summary>Byte counts for people: binary units (IEC 80000-13), one decimal.</summary>
internal static class ByteSize
{
    private static readonly string[] Units = ["B", "KiB", "MiB", "GiB", "TiB"];
    private const double Step = 1024;

    public static string Format(long bytes)
    {
        double value = bytes;
        var unit = 0;
        while (value >= Step && unit < Units.Length - 1)
        {
            value /= Step;
            unit++;
        }
        return unit == 0 ? $"{bytes} B" : value.ToString("0.0", CultureInfo.InvariantCulture) + " " + Units[unit];
    }
}
