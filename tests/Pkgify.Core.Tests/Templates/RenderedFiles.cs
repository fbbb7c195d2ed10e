using Pkgify.Core.Templates;
using Pkgify.Core.Tests.Support;

namespace Pkgify.Core.Tests.Templates;

/// <summary>Writes rendered templates to disk in the layout the real tools expect.</summary>
internal static class RenderedFiles
{
    /// <summary>Renders <paramref name="template"/> to <paramref name="path"/> (with the given mode).</summary>
    public static string Write(TemplateRenderer renderer, string template, TemplateContext context, string path, UnixFileMode? mode = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, renderer.Render(template, context));
        if (mode is not null) File.SetUnixFileMode(path, mode.Value);
        return path;
    }

    /// <summary>
    /// A root for <c>systemd-analyze verify --root</c>: the host's unit directory (for the targets the
    /// unit depends on), the unit under etc/systemd/system, and executable stand-ins for the
    /// programs its Exec lines name (they are not installed on a build host).
    /// </summary>
    public static string SystemdRoot(TempProject temp, string unitText, string unitName, IEnumerable<string> executables)
    {
        var root = Path.Combine(temp.Root, "sysroot");
        Directory.CreateDirectory(Path.Combine(root, "usr/lib/systemd"));
        ToolRunner.Check("cp", "-a", "/lib/systemd/system", Path.Combine(root, "usr/lib/systemd") + "/");
        var unitPath = Path.Combine(root, "etc/systemd/system", unitName);
        Directory.CreateDirectory(Path.GetDirectoryName(unitPath)!);
        File.WriteAllText(unitPath, unitText);
        foreach (var executable in executables)
        {
            var stub = Path.Combine(root, executable.TrimStart('/'));
            Directory.CreateDirectory(Path.GetDirectoryName(stub)!);
            File.WriteAllText(stub, "#!/bin/sh\n");
            File.SetUnixFileMode(stub, (UnixFileMode)Convert.ToInt32("755", 8));
        }
        return root;
    }
}
