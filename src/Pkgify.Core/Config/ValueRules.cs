using System.Globalization;
using System.Text.RegularExpressions;

namespace Pkgify.Core.Config;

/// <summary>
/// Syntax rules for configuration values. Each check returns null when the value is fine, else the
/// problem and how to fix it, worded to follow "key: " in a message.
/// </summary>
internal static partial class ValueRules
{
    /// <summary>useradd's default NAME_REGEX limit (shadow-utils, login.defs(5)) and utmp's ut_user size.</summary>
    public const int MaxUserNameLength = 32;

    /// <summary>RFC 1035 §2.3.4 limits.</summary>
    private const int MaxHostNameLength = 253, MaxLabelLength = 63;

    private const int MaxPort = 65535;

    /// <summary>Debian Policy §5.6.7; also a valid RPM name.</summary>
    [GeneratedRegex("^[a-z0-9][a-z0-9+.-]+$")]
    private static partial Regex PackageNamePattern();

    /// <summary>Starts with a digit (dpkg-deb refuses anything else); characters both families accept, plus PEP 440's '!'.</summary>
    [GeneratedRegex("^[0-9][A-Za-z0-9.+~!_-]*$")]
    private static partial Regex VersionPattern();

    /// <summary>Debian revision characters (deb-version(7)), which RPM's Release also accepts.</summary>
    [GeneratedRegex("^[A-Za-z0-9.+~]+$")]
    private static partial Regex ReleasePattern();

    /// <summary>useradd's default NAME_REGEX (login.defs(5)), without the trailing '$' for machine accounts.</summary>
    [GeneratedRegex("^[a-z_][a-z0-9_-]*$")]
    private static partial Regex UserNamePattern();

    /// <summary>Debian Policy §5.6.2: "Full Name &lt;email&gt;".</summary>
    [GeneratedRegex(@"^[^<>\s][^<>]*\s<[^<>\s@]+@[^<>\s@]+>$")]
    private static partial Regex MaintainerPattern();

    /// <summary>A Python identifier, ASCII only (PEP 3131 allows more; servers' import strings rarely do).</summary>
    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex IdentifierPattern();

    /// <summary>One host-name label (RFC 1123 §2.1).</summary>
    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$")]
    private static partial Regex LabelPattern();

    /// <summary>POSIX portable file-name characters (POSIX.1-2017 §3.282).</summary>
    [GeneratedRegex("^[A-Za-z0-9._-]+$")]
    private static partial Regex PortableSegmentPattern();

    public static string? PackageName(string value) =>
        PackageNamePattern().IsMatch(value)
            ? null
            : $"'{Printable(value)}' is not a valid package name; use lowercase letters, digits, '+', '-' and '.', at least 2 characters, starting with a letter or digit (Debian Policy §5.6.7)";

    public static string? Version(string value) =>
        VersionPattern().IsMatch(value)
            ? null
            : $"'{Printable(value)}' is not a usable version; it must start with a digit and contain only letters, digits and '.+~!_-' (e.g. 1.4.2 or 1.4.2rc1)";

    public static string? Release(string value) =>
        ReleasePattern().IsMatch(value)
            ? null
            : $"'{Printable(value)}' is not a usable release; use letters, digits, '.', '+' and '~' only (e.g. 1)";

    public static string? UserName(string value)
    {
        if (value.Length > MaxUserNameLength)
            return $"'{Printable(value)}' is longer than {MaxUserNameLength} characters, which useradd refuses";
        return UserNamePattern().IsMatch(value)
            ? null
            : $"'{Printable(value)}' is not a valid system user name; use lowercase letters, digits, '_' and '-', starting with a letter or '_' (useradd's NAME_REGEX)";
    }

    public static string? Maintainer(string value) =>
        OneLine(value) ?? (MaintainerPattern().IsMatch(value)
            ? null
            : $"'{value}' must be written 'Full Name <email@example.com>' (Debian Policy §5.6.2)");

    /// <summary>Non-empty, one line, no control characters.</summary>
    public static string? OneLine(string value)
    {
        if (value.Trim().Length == 0) return "must not be empty";
        if (value.Contains('\n') || value.Contains('\r')) return "must be a single line; remove the line break";
        return value.Any(char.IsControl) ? "contains a control character; remove it" : null;
    }

    /// <summary>Several lines allowed, but no other control characters than line breaks and tabs.</summary>
    public static string? Text(string value) =>
        value.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'))
            ? "contains a control character; remove it"
            : null;

    public static string? Url(string value, params string[] schemes)
    {
        if (OneLine(value) is { } problem) return problem;
        var ok = Uri.TryCreate(value, UriKind.Absolute, out var uri)
            && schemes.Contains(uri.Scheme, StringComparer.Ordinal)
            && !value.Any(char.IsWhiteSpace);
        return ok ? null : $"'{value}' must be an absolute {string.Join(" or ", schemes)} URL without spaces";
    }

    /// <summary>
    /// An absolute, normalised target path made of POSIX portable file-name characters: such a path
    /// needs no quoting in any file format pkgify writes, so it cannot inject anything.
    /// </summary>
    public static string? TargetPath(string value)
    {
        if (OneLine(value) is { } problem) return problem;
        if (!value.StartsWith('/') || value.Length == 1)
            return $"'{value}' must be an absolute path such as /etc/app/app.conf";
        foreach (var segment in value[1..].Split('/'))
        {
            if (segment is "" or "." or "..")
                return $"'{value}' must be a normalised path (no empty, '.' or '..' parts, no trailing '/')";
            if (!PortableSegmentPattern().IsMatch(segment))
                return $"'{Printable(value)}' may contain only letters, digits, '.', '_', '-' and '/' (POSIX portable file names)";
        }
        return null;
    }

    public static string? UnderEtc(string value) =>
        TargetPath(value) ?? (value.StartsWith("/etc/", StringComparison.Ordinal)
            ? null
            : $"'{value}' must be under /etc, where configuration lives (FHS §3.7) and conffiles belong");

    /// <summary>Parses <c>module:callable</c>, where module may be a script path containing '/'.</summary>
    public static string? Wsgi(string value, out WsgiEntry? entry)
    {
        entry = null;
        var colon = value.LastIndexOf(':');
        const string Form = "write it as module:callable, e.g. ledger.web:application";
        if (OneLine(value) is { } problem) return problem;
        if (colon <= 0 || colon == value.Length - 1) return $"'{value}' has no ':'; {Form}";
        var target = value[..colon];
        var callable = value[(colon + 1)..];
        if (!IdentifierPattern().IsMatch(callable))
            return $"'{Printable(callable)}' is not a Python identifier; {Form}";
        if (target.Contains('/'))
        {
            if (target.StartsWith('/') || TargetPath("/" + target) is not null)
                return $"script '{Printable(target)}' must be a relative path inside the application made of letters, digits, '.', '_', '-' and '/'";
            entry = new WsgiEntry(null, target, callable);
            return null;
        }
        if (!target.Split('.').All(IdentifierPattern().IsMatch))
            return $"'{Printable(target)}' is not a dotted Python module name; {Form}";
        entry = new WsgiEntry(target, null, callable);
        return null;
    }

    /// <summary>Parses <c>unix:/absolute/path</c> or <c>host:port</c> (IPv6 as <c>[addr]:port</c>).</summary>
    public static string? Bind(string value, out BindAddress? bind)
    {
        bind = null;
        const string Form = "use unix:/run/NAME/NAME.sock or host:port, e.g. 127.0.0.1:8000";
        if (value.StartsWith("unix:", StringComparison.Ordinal))
        {
            var socket = value["unix:".Length..];
            if (TargetPath(socket) is { } problem) return $"socket path {problem}";
            bind = new BindAddress(socket, null, 0);
            return null;
        }
        var colon = value.LastIndexOf(':');
        if (colon <= 0) return $"'{Printable(value)}' is not an address; {Form}";
        var host = value[..colon];
        if (!int.TryParse(value[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) || port is < 1 or > MaxPort)
            return $"'{Printable(value)}' has no valid port (1-{MaxPort}); {Form}";
        var hostOk = host.StartsWith('[') && host.EndsWith(']')
            ? System.Net.IPAddress.TryParse(host[1..^1], out var v6) && v6.AddressFamily == System.Net.Sockets.AddressFamily.InterNetworkV6
            : HostName(host) is null;
        if (!hostOk) return $"'{Printable(host)}' is not a host name or address; {Form}";
        bind = new BindAddress(null, host, port);
        return null;
    }

    /// <summary>A DNS host name (RFC 1123), optionally starting with nginx's "*." wildcard.</summary>
    public static string? HostName(string value)
    {
        var name = value.StartsWith("*.", StringComparison.Ordinal) ? value[2..] : value;
        var ok = name.Length is > 0 and <= MaxHostNameLength
            && name.Split('.').All(label => label.Length <= MaxLabelLength && LabelPattern().IsMatch(label));
        return ok ? null : $"'{Printable(value)}' is not a host name (letters, digits and '-' in dot-separated labels)";
    }

    /// <summary>Parses a permission mode written in octal: "0640" or "640".</summary>
    public static string? Mode(string value, out UnixFileMode mode)
    {
        mode = 0;
        var digits = value.Length == 4 && value[0] == '0' ? value[1..] : value;
        if (digits.Length != 3 || !digits.All(c => c is >= '0' and <= '7'))
            return $"'{Printable(value)}' is not an octal permission mode; write it in quotes, e.g. \"0640\"";
        mode = (UnixFileMode)Convert.ToInt32(digits, 8);
        return null;
    }

    /// <summary>The value with control characters made visible, for quoting in a one-line message.</summary>
    public static string Printable(string value)
    {
        var builder = new System.Text.StringBuilder();
        foreach (var c in value)
        {
            builder.Append(c switch
            {
                '\n' => "\\n",
                '\r' => "\\r",
                '\t' => "\\t",
                _ when char.IsControl(c) => $"\\u{(int)c:x4}",
                _ => c.ToString(),
            });
        }
        return builder.ToString();
    }
}
