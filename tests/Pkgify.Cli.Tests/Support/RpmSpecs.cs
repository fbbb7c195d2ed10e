using Pkgify.TestSupport;

namespace Pkgify.Cli.Tests.Support;

/// <summary>Small rpms built by the real rpmbuild for repository tests.</summary>
public static class RpmSpecs
{
    /// <summary>
    /// A noarch package without any requirement (so dnf can install it into an empty root) holding
    /// /opt/&lt;name&gt;/VERSION; <paramref name="description"/> goes verbatim into %description.
    /// </summary>
    public static string Plain(string workDir, string name, string version, string description = "A plain package.") =>
        RpmBuildFixtures.BuildBinaryRpm($$"""
            Name: {{name}}
            Version: {{version}}
            Release: 1
            Summary: {{name}} for repository tests
            License: MIT
            BuildArch: noarch
            AutoReqProv: no

            %description
            {{description}}

            %install
            mkdir -p %{buildroot}/opt/{{name}}
            echo {{version}} > %{buildroot}/opt/{{name}}/VERSION

            %files
            /opt/{{name}}
            """, workDir);

    /// <summary>
    /// A package with every dependency kind createrepo_c writes (pre requires, versioned requires, a requirement
    /// on its own file, weak dependencies, conflicts, obsoletes), a ghost file, a %config file and a changelog.
    /// </summary>
    public static string Rich(string workDir) =>
        RpmBuildFixtures.BuildBinaryRpm("""
            Name: rich-deps
            Epoch: 2
            Version: 3.1
            Release: 7
            Summary: Every dependency kind <for> "createrepo_c" & 'dnf'
            License: MIT
            URL: https://example.com/rich?a=1&b=2
            BuildArch: noarch
            Requires: bash >= 4.0
            Requires(pre): /bin/sh
            Requires(post): coreutils
            Requires: /etc/rich-deps/rich.conf
            Requires: /opt/rich-deps/run
            Requires: rich-service = 1.5
            Provides: rich-service = 1.5
            Conflicts: other-rich < 2
            Obsoletes: old-rich <= 1.0
            Recommends: extra-rich
            Suggests: optional-rich
            Supplements: base-rich
            Enhances: host-rich

            %description
            Description with <tags>, & ampersands, "quotes" and 'apostrophes'.

            %install
            mkdir -p %{buildroot}/etc/rich-deps %{buildroot}/opt/rich-deps/bin
            echo "x = 1" > %{buildroot}/etc/rich-deps/rich.conf
            printf '#!/bin/sh\necho rich\n' > %{buildroot}/opt/rich-deps/bin/rich
            chmod 0755 %{buildroot}/opt/rich-deps/bin/rich
            ln -s bin/rich %{buildroot}/opt/rich-deps/run
            touch %{buildroot}/opt/rich-deps/state.log

            %pre
            echo pre

            %files
            %config(noreplace) /etc/rich-deps/rich.conf
            %dir /etc/rich-deps
            %ghost /opt/rich-deps/state.log
            /opt/rich-deps/bin
            /opt/rich-deps/run

            %changelog
            * Sat Nov 21 2026 Ops Team <ops@example.com> - 2:3.1-7
            - Escaping: <b> & "c"
            """, workDir);
}
