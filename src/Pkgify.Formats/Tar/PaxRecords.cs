using System.Globalization;
using System.Text;

namespace Pkgify.Formats.Tar;

/// <summary>
/// PAX extended header records (POSIX.1-2001 pax(1), "pax Extended Header"): each record is
/// "&lt;length&gt; &lt;keyword&gt;=&lt;value&gt;\n" where the decimal length counts the whole record. We never write
/// them (dpkg refuses 'x' entries, formats.md §1.4) but read them, because other people's archives use them.
/// </summary>
internal static class PaxRecords
{
    public const string Path = "path";
    public const string LinkPath = "linkpath";
    public const string Size = "size";
    public const string Uid = "uid";
    public const string Gid = "gid";
    public const string UserName = "uname";
    public const string GroupName = "gname";
    public const string MTime = "mtime";

    private const int MaxLengthDigits = 10;

    /// <summary>Parses all records; a later record for the same keyword wins. An empty value is kept (it unsets).</summary>
    public static Dictionary<string, string> Parse(ReadOnlySpan<byte> data, string where)
    {
        var records = new Dictionary<string, string>(StringComparer.Ordinal);
        var pos = 0;
        while (pos < data.Length)
        {
            if (data[pos..].IndexOfAnyExcept((byte)0) < 0)
            {
                break; // NUL padding after the last record
            }

            var length = RecordLength(data[pos..], where);
            var record = data.Slice(pos, length);
            if (record[^1] != (byte)'\n')
            {
                throw new InvalidDataException($"{where}: PAX record does not end with a newline");
            }

            var body = record[(record.IndexOf((byte)' ') + 1)..^1];
            var equals = body.IndexOf((byte)'=');
            if (equals <= 0)
            {
                throw new InvalidDataException($"{where}: PAX record has no keyword");
            }

            records[Encoding.UTF8.GetString(body[..equals])] = Encoding.UTF8.GetString(body[(equals + 1)..]);
            pos += length;
        }

        return records;
    }

    /// <summary>A non-negative decimal value (size, uid, gid).</summary>
    public static long Integer(string value, string keyword, string where)
    {
        if (value.Length == 0 || !value.All(char.IsAsciiDigit)
            || !long.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var result))
        {
            throw new InvalidDataException($"{where}: PAX {keyword} '{value}' is not a decimal number");
        }

        return result;
    }

    /// <summary>Whole seconds of a PAX time ("-12.5" is rounded down to -13, like a file system would store it).</summary>
    public static long Seconds(string value, string where)
    {
        var dot = value.IndexOf('.');
        var whole = dot < 0 ? value : value[..dot];
        var fraction = dot < 0 ? "" : value[(dot + 1)..];
        var negative = whole.StartsWith('-');
        var seconds = Integer(negative ? whole[1..] : whole, MTime, where);
        if (!fraction.All(char.IsAsciiDigit))
        {
            throw new InvalidDataException($"{where}: PAX mtime '{value}' is not a decimal number");
        }

        var hasFraction = fraction.Any(c => c != '0');
        return negative ? -seconds - (hasFraction ? 1 : 0) : seconds;
    }

    private static int RecordLength(ReadOnlySpan<byte> rest, string where)
    {
        var space = rest.IndexOf((byte)' ');
        if (space is <= 0 or > MaxLengthDigits)
        {
            throw new InvalidDataException($"{where}: PAX record has no valid length");
        }

        var digits = rest[..space];
        if (digits.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0
            || !int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var length)
            || length <= space + 1 || length > rest.Length)
        {
            throw new InvalidDataException($"{where}: PAX record length is invalid");
        }

        return length;
    }
}
