namespace Pkgify.Core.Python;

/// <summary>Picks the interpreter path an error message proposes as the fix.</summary>
internal static class InterpreterSuggestion
{
    private const string SystemBin = "/usr/bin";

    /// <summary>
    /// /usr/bin/pythonX.Y for the wanted feature version when this host has it; else the
    /// versioned interpreter /usr/bin/python3 points at (Debian and Fedora both ship
    /// python3 -> python3.Y); else a generic placeholder.
    /// </summary>
    public static string For(string? majorMinor)
    {
        if (majorMinor is not null)
        {
            var wanted = $"{SystemBin}/python{majorMinor}";
            if (File.Exists(wanted)) return wanted;
        }
        var generic = $"{SystemBin}/python3";
        var resolved = File.Exists(generic) ? new FileInfo(generic).ResolveLinkTarget(returnFinalTarget: true) : null;
        if (resolved is not null && resolved.FullName.StartsWith($"{SystemBin}/python3.", StringComparison.Ordinal))
            return resolved.FullName;
        return majorMinor is null ? $"{SystemBin}/python3.<minor>" : $"{SystemBin}/python{majorMinor}";
    }
}
