using Pkgify.Core.Model;
using Pkgify.Formats.Rpm;

namespace Pkgify.Core.Writers.Rpm;

/// <summary>
/// Scriptlet tags (formats.md §2.9): body in PREIN/POSTIN/PREUN/POSTUN, interpreter in the matching PROG tag,
/// and a Requires on the interpreter flagged INTERP|SCRIPT_xxx as rpmbuild adds it, so that dnf installs the
/// interpreter before it is needed.
/// </summary>
internal static class RpmScriptlets
{
    private sealed record Phase(ScriptPhase Model, int BodyTag, int ProgTag, int SenseFlag);

    private static readonly Phase[] Phases =
    [
        new(ScriptPhase.PreInstall, RpmTags.PreIn, RpmTags.PreInProg, RpmSenseFlags.ScriptPre),
        new(ScriptPhase.PostInstall, RpmTags.PostIn, RpmTags.PostInProg, RpmSenseFlags.ScriptPost),
        new(ScriptPhase.PreRemove, RpmTags.PreUn, RpmTags.PreUnProg, RpmSenseFlags.ScriptPreUn),
        new(ScriptPhase.PostRemove, RpmTags.PostUn, RpmTags.PostUnProg, RpmSenseFlags.ScriptPostUn),
    ];

    /// <summary>Adds each present scriptlet's body (when not empty, as with <c>%post -p /sbin/ldconfig</c>) and interpreter.</summary>
    public static void AddTo(RpmHeaderBuilder header, MaintainerScripts scripts)
    {
        foreach (var phase in Phases)
        {
            if (scripts.Get(phase.Model) is not { } script)
                continue;
            // rpmbuild stores a scriptlet without its trailing blank lines and spaces (build/parseScript.c strips
            // them); doing the same keeps `rpm -q --scripts` identical to a spec-built package.
            var body = script.Body.TrimEnd();
            if (body.Length > 0)
                header.AddString(phase.BodyTag, body);
            var interpreter = Words(script.Interpreter);
            // A bare interpreter is a STRING, one with arguments a STRING_ARRAY, as rpmbuild stores them.
            if (interpreter.Length == 1)
                header.AddString(phase.ProgTag, interpreter[0]);
            else
                header.AddStringArray(phase.ProgTag, interpreter);
        }
    }

    /// <summary>One Requires per scriptlet on its interpreter's path, flags INTERP | SCRIPT_xxx (e.g. 0x300 for %pre).</summary>
    public static IEnumerable<RpmDependency> InterpreterRequires(MaintainerScripts scripts) =>
        Phases.Where(p => scripts.Get(p.Model) is not null)
            .Select(p => new RpmDependency(Words(scripts.Get(p.Model)!.Interpreter)[0], RpmSenseFlags.Interp | p.SenseFlag));

    private static string[] Words(string interpreter)
    {
        var words = interpreter.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 ? words : ["/bin/sh"];
    }
}
