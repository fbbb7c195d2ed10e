namespace Pkgify.Core.Config;

/// <summary>One <c>config:</c> entry: a file kept on upgrade (conffile / %config(noreplace)).</summary>
/// <param name="Source">Absolute path of the file in the project.</param>
/// <param name="Dest">Absolute target path under /etc.</param>
/// <param name="Mode">Permission bits of the installed file.</param>
public sealed record ConfigFileEntry(string Source, string Dest, UnixFileMode Mode)
{
    /// <summary>The mode as four octal digits, e.g. "0640".</summary>
    public string ModeOctal => Convert.ToString((int)Mode, 8).PadLeft(4, '0');
}
