using Pkgify.Core.Config;
using Pkgify.Core.Model;
using Pkgify.Core.Python;
using Pkgify.Core.Relations;

namespace Pkgify.Core.Build;

/// <summary>
/// The relations a build declares: the exact interpreter the virtualenv was built with (Debian names
/// the package python3.X, RPM the file path itself, so dnf finds whichever package ships it) and the
/// project's own <c>depends</c>.
/// </summary>
public static class BuildRelations
{
    public static (RelationSet Deb, RelationSet Rpm) For(ProjectConfig config, PythonInterpreter interpreter)
    {
        var deb = RelationSet.Empty.With(RelationKind.Depends, new RelationGroup(new Relation("python" + interpreter.MajorMinor)));
        var rpm = RelationSet.Empty.With(RelationKind.Depends, new RelationGroup(new Relation(interpreter.Path)));
        deb = deb.With(RelationKind.Depends, config.Depends.Deb.Select(d => RelationParser.Parse(d, config.Origins.Describe("depends.deb"))));
        rpm = rpm.With(RelationKind.Depends, config.Depends.Rpm.Select(d => RelationParser.ParseRpm(d, config.Origins.Describe("depends.rpm"))));
        return (deb, rpm);
    }
}
