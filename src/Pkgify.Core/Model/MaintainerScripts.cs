using System.Collections.Immutable;

namespace Pkgify.Core.Model;

/// <summary>
/// When a script runs. Debian: preinst/postinst/prerm/postrm; RPM: %pre/%post/%preun/%postun.
/// The two families call them with different arguments (Debian: <c>configure</c>, <c>upgrade</c>...;
/// RPM: the instance count in <c>$1</c>), so each family carries its own script text.
/// </summary>
public enum ScriptPhase { PreInstall, PostInstall, PreRemove, PostRemove }

/// <summary>A script body and the interpreter that runs it (RPM's PREINPROG etc.; Debian reads the <c>#!</c> line).</summary>
public sealed record MaintainerScript(string Body, string Interpreter = "/bin/sh");

public sealed record MaintainerScripts(ImmutableDictionary<ScriptPhase, MaintainerScript> ByPhase)
{
    public static readonly MaintainerScripts Empty = new(ImmutableDictionary<ScriptPhase, MaintainerScript>.Empty);

    public MaintainerScript? Get(ScriptPhase phase) => ByPhase.TryGetValue(phase, out var s) ? s : null;

    public MaintainerScripts With(ScriptPhase phase, MaintainerScript script) => new(ByPhase.SetItem(phase, script));
}

public enum PackageFamily { Deb, Rpm }

/// <summary>What differs between the families for one package: relation names and script texts.</summary>
public sealed record FamilyParts(RelationSet Relations, MaintainerScripts Scripts)
{
    public static readonly FamilyParts Empty = new(RelationSet.Empty, MaintainerScripts.Empty);
}
