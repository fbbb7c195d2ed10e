namespace Pkgify.Cli.Tests.Support;

/// <summary>One line of `dpkg-deb -c` (GNU tar's verbose listing).</summary>
public sealed record DpkgListing(string Path, string Type, string Mode, string Owner, long Size, string? Target)
{
    public static DpkgListing Parse(string line)
    {
        // drwxr-xr-x root/root         0 2023-01-01 00:00 ./usr/
        var parts = line.Split(' ', 6, StringSplitOptions.RemoveEmptyEntries);
        var perms = parts[0];
        var rest = parts[5];
        string? target = null;
        var type = perms[0] switch { 'd' => "dir", 'l' => "symlink", 'h' => "hardlink", 'c' => "char", 'b' => "block", 'p' => "fifo", _ => "file" };
        if (type == "symlink" && rest.Split(" -> ") is { Length: 2 } sl) (rest, target) = (sl[0], sl[1]);
        if (rest.Contains(" link to ")) { var hl = rest.Split(" link to "); (rest, target, type) = (hl[0], "/" + hl[1].TrimStart('.', '/'), "hardlink"); }
        var path = "/" + rest.TrimStart('.').TrimStart('/').TrimEnd('/');
        return new DpkgListing(path, type, ModeOf(perms), parts[1].Split('/')[0], long.Parse(parts[2]), target);
    }

    private static string ModeOf(string perms)
    {
        var bits = 0;
        for (var i = 0; i < 9; i++)
        {
            var c = perms[1 + i];
            if (c is not '-' and not 'S' and not 'T') bits |= 1 << (8 - i);
        }
        if (perms[3] is 's' or 'S') bits |= 0x800;
        if (perms[6] is 's' or 'S') bits |= 0x400;
        if (perms[9] is 't' or 'T') bits |= 0x200;
        return "0" + Convert.ToString(bits, 8).PadLeft(3, '0');
    }
}
