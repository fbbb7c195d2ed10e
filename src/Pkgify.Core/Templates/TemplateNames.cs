namespace Pkgify.Core.Templates;

/// <summary>Names of the built-in templates (their paths under templates/, and in an override folder).</summary>
public static class TemplateNames
{
    /// <summary>
    /// Debian maintainer scripts (deb-preinst(5) ...). The built-in preinst is a documented no-op
    /// (nothing must happen before unpacking): ship it only when the project overrides it, or
    /// lintian reports maintainer-script-empty.
    /// </summary>
    public const string DebPreinst = "deb/preinst", DebPostinst = "deb/postinst", DebPrerm = "deb/prerm", DebPostrm = "deb/postrm";

    /// <summary>The Debian control stanza.</summary>
    public const string DebControl = "deb/control";

    /// <summary>RPM scriptlets (%pre, %post, %preun, %postun).</summary>
    public const string RpmPre = "rpm/pre", RpmPost = "rpm/post", RpmPreun = "rpm/preun", RpmPostun = "rpm/postun";

    /// <summary>The RPM spec describing the package (for <c>pkgify render</c> and rpmbuild cross-checks).</summary>
    public const string RpmSpec = "rpm/spec";

    /// <summary>The systemd service unit.</summary>
    public const string SystemdUnit = "systemd/unit";

    /// <summary>The environment file (a conffile).</summary>
    public const string Environment = "env/environment";

    /// <summary>The nginx site; render only when <see cref="TemplateContext.Nginx"/> is set.</summary>
    public const string NginxSite = "nginx/site";

    /// <summary>usr/share/doc/NAME/copyright (DEP-5).</summary>
    public const string Copyright = "doc/copyright";

    /// <summary>usr/share/doc/NAME/changelog.Debian (gzip it when shipping).</summary>
    public const string Changelog = "doc/changelog";

    /// <summary>usr/share/lintian/overrides/NAME.</summary>
    public const string LintianOverrides = "lintian/overrides";

    /// <summary>The maintainer scripts and scriptlets, which are shell scripts.</summary>
    public static readonly IReadOnlyList<string> ShellScripts =
        [DebPreinst, DebPostinst, DebPrerm, DebPostrm, RpmPre, RpmPost, RpmPreun, RpmPostun];
}
