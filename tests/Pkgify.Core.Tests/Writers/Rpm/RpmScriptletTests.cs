using NUnit.Framework;
using Pkgify.Core.Model;
using Pkgify.Formats.Rpm;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Writers.Rpm;

/// <summary>
/// Scriptlets written from the model run under the real rpm with the instance count in <c>$1</c> that rpm
/// defines (formats.md §2.9): 1 on install, 2 for the new version's %pre/%post on upgrade, 1 for the old
/// version's %preun/%postun then, 0 on erase. rpm runs scriptlets chrooted into its --root, so the root is a
/// Debian minbase (it has /bin/sh). Its files belong to dpkg, not to its rpm database, so nothing there
/// provides /bin/sh to rpm: that is why -i and -U use --nodeps.
/// </summary>
[NonParallelizable]
public class RpmScriptletTests
{
    private const string Log = "/var/tmp/pkgify-scriptlets.log";

    [Test]
    public void Install_upgrade_and_erase_pass_1_2_and_0_as_rpm_defines()
    {
        using var tmp = new TempDir("rpm-scriptlets");
        var v1 = RpmModels.Write(Model("1.0"), tmp.Path("v1"));
        var v2 = RpmModels.Write(Model("2.0"), tmp.Path("v2"));
        var requires = ToolRunner.RunChecked("rpm", ["-qp", "--qf", "[%{REQUIRENAME} %{REQUIREFLAGS}\\n]", v1]).StdOut;
        foreach (var flag in new[] { RpmSenseFlags.ScriptPre, RpmSenseFlags.ScriptPost, RpmSenseFlags.ScriptPreUn, RpmSenseFlags.ScriptPostUn })
            requires.ShouldContain($"/bin/sh {RpmSenseFlags.Interp | flag}\n");
        ToolRunner.RunChecked("rpm", ["-qp", "--qf", "[%{POSTUNPROG}|]", v1]).StdOut.ShouldBe("/bin/sh|-e|");

        using var debian = DebianRoot.GetOrCreate();
        var root = new RpmScratchRoot(debian.Root);
        root.RunChecked("-i", "--nodeps", v1);
        root.RunChecked("-U", "--nodeps", v2);
        root.RunChecked("-e", "scripted");

        File.ReadAllText(debian.HostPath(Log)).ShouldBe(
            "pre 1\npost 1\n" +        // install 1.0
            "pre 2\npost 2\n" +        // upgrade: the new version's install scripts
            "preun 1\npostun 1\n" +    // upgrade: the old version's removal scripts
            "preun 0\npostun 0\n");    // erase
        root.IsInstalled("scripted").ShouldBeFalse();
    }

    private static PackageModel Model(string version)
    {
        MaintainerScript Logging(string phase, string interpreter = "/bin/sh") =>
            new($"echo \"{phase} $1\" >> {Log}\n", interpreter);
        var scripts = MaintainerScripts.Empty
            .With(ScriptPhase.PreInstall, Logging("pre"))
            .With(ScriptPhase.PostInstall, Logging("post"))
            .With(ScriptPhase.PreRemove, Logging("preun"))
            // An interpreter with arguments is stored as a STRING_ARRAY and run as such.
            .With(ScriptPhase.PostRemove, Logging("postun", "/bin/sh -e"));
        return RpmModels.Normalize("scripted", version,
            [RpmModels.Directory("/opt/scripted"), RpmModels.File("/opt/scripted/version", version + "\n")], scripts: scripts);
    }
}
