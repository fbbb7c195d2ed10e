using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Config;

/// <summary>Every configuration mistake is a one-line exit-2 error naming file:line:column and key.</summary>
public class ConfigErrorTests
{
    private const string Base = "name: ledger\nversion: 1.0\nwsgi: ledger.web:application\n";

    private static UsageException LoadError(string yaml, Action<TempProject>? setup = null)
    {
        using var project = new TempProject("ledger");
        project.Write("pkgify.yaml", yaml);
        setup?.Invoke(project);
        var error = Should.Throw<UsageException>(() => ConfigLoader.Load(project.Dir, ContractExampleTests.NoPyProject));
        error.ExitCode.ShouldBe(2);
        error.Message.ShouldNotContain("\n");
        // Messages are relative to the file: strip the temp directory so tests read like the user's screen.
        return new UsageException(error.Message.Replace(project.Dir + "/", ""));
    }

    [Test]
    public void Unknown_nested_key_suggests_the_closest_one()
    {
        LoadError(Base + "server:\n  kind: gunicorn\n  wrokers: 4\n").Message
            .ShouldBe("pkgify.yaml:6:3: unknown key 'wrokers' in server: did you mean 'workers'?");
    }

    [Test]
    public void Unknown_top_level_key_suggests_a_transposition()
    {
        LoadError(Base + "sevrer:\n  workers: 4\n").Message
            .ShouldBe("pkgify.yaml:4:1: unknown key 'sevrer': did you mean 'server'?");
    }

    [Test]
    public void Key_of_another_section_says_where_it_belongs()
    {
        LoadError(Base + "workers: 4\n").Message
            .ShouldBe("pkgify.yaml:4:1: unknown key 'workers': 'workers' belongs under 'server:'");
    }

    [Test]
    public void Unknown_key_far_from_any_lists_the_valid_keys()
    {
        LoadError(Base + "hooks:\n  colour: blue\n").Message
            .ShouldBe("pkgify.yaml:5:3: unknown key 'colour' in hooks; valid keys: post_install");
    }

    [TestCase("four", "pkgify.yaml:5:12: server.workers must be a whole number between 1 and 1024, written without quotes (got 'four')")]
    [TestCase("\"4\"", "pkgify.yaml:5:12: server.workers must be a whole number between 1 and 1024, written without quotes (got '4' in quotes)")]
    [TestCase("2.5", "pkgify.yaml:5:12: server.workers must be a whole number between 1 and 1024, written without quotes (got '2.5')")]
    [TestCase("0", "pkgify.yaml:5:12: server.workers must be between 1 and 1024 (got 0)")]
    [TestCase("[4]", "pkgify.yaml:5:12: server.workers must be a whole number between 1 and 1024, written without quotes (got a list)")]
    public void Workers_must_be_a_whole_number(string workers, string message)
    {
        LoadError(Base + $"server:\n  workers: {workers}\n").Message.ShouldBe(message);
    }

    [Test]
    public void Malformed_yaml_names_the_position_and_the_parser_reason()
    {
        LoadError(Base + "server:\n  kind: \"gunicorn\n  bind: x\n").Message
            .ShouldStartWith("pkgify.yaml:5:9: not valid YAML: While scanning a multi-line double-quoted scalar");
    }

    [Test]
    public void Duplicate_keys_are_rejected()
    {
        LoadError(Base + "name: other\n").Message
            .ShouldBe("pkgify.yaml:4:1: duplicate key 'name': each key may appear once; remove one of them");
    }

    [Test]
    public void A_second_document_is_rejected()
    {
        LoadError(Base + "---\nname: other\n").Message
            .ShouldBe("pkgify.yaml:5:1: only one YAML document is allowed; remove the '---' separator and what follows");
    }

    [Test]
    public void A_section_of_the_wrong_shape_is_rejected()
    {
        LoadError(Base + "server: gunicorn\n").Message
            .ShouldBe("pkgify.yaml:4:9: server must be a mapping of 'key: value' lines, not the value 'gunicorn'");
        LoadError("- name: ledger\n").Message
            .ShouldBe("pkgify.yaml:1:1: pkgify.yaml's top level must be a mapping of 'key: value' lines, not a list");
        LoadError(Base + "summary: [a, b]\n").Message
            .ShouldBe("pkgify.yaml:4:10: summary must be a single value, not a list");
    }

    [TestCase("name: Ledger_Web", "pkgify.yaml:1:7: name: 'Ledger_Web' is not a valid package name")]
    [TestCase("name: x", "pkgify.yaml:1:7: name: 'x' is not a valid package name")]
    [TestCase("version: v1.0", "pkgify.yaml:2:10: version: 'v1.0' is not a usable version")]
    [TestCase("version: 1.0 beta", "pkgify.yaml:2:10: version: '1.0 beta' is not a usable version")]
    [TestCase("release: 1-2", "pkgify.yaml:4:10: release: '1-2' is not a usable release")]
    [TestCase("maintainer: Ops Team", "pkgify.yaml:4:13: maintainer: 'Ops Team' must be written 'Full Name <email@example.com>'")]
    [TestCase("homepage: example.com", "pkgify.yaml:4:11: homepage: 'example.com' must be an absolute https or http URL")]
    [TestCase("python: python3", "pkgify.yaml:4:9: python: 'python3' must be an absolute path")]
    [TestCase("wsgi: ledger.web", "pkgify.yaml:3:7: wsgi: 'ledger.web' has no ':'; write it as module:callable")]
    [TestCase("wsgi: ledger-web:app", "pkgify.yaml:3:7: wsgi: 'ledger-web' is not a dotted Python module name")]
    [TestCase("wsgi: ledger.web:app()", "pkgify.yaml:3:7: wsgi: 'app()' is not a Python identifier")]
    [TestCase("wsgi: bin/missing:application", "pkgify.yaml:3:7: wsgi: script 'bin/missing' does not exist")]
    [TestCase("server: {kind: apache}", "pkgify.yaml:4:16: server.kind: 'apache' is not a server kind; use one of: gunicorn, uwsgi, command")]
    [TestCase("server: {bind: 8000}", "pkgify.yaml:4:16: server.bind: '8000' is not an address")]
    [TestCase("server: {bind: 'localhost:99999'}", "pkgify.yaml:4:16: server.bind: 'localhost:99999' has no valid port")]
    [TestCase("server: {bind: 'unix:run/x.sock'}", "pkgify.yaml:4:16: server.bind: socket path 'run/x.sock' must be an absolute path")]
    [TestCase("server: {bind: 'bad host:80'}", "pkgify.yaml:4:16: server.bind: 'bad host' is not a host name or address")]
    [TestCase("server: {kind: command}", "pkgify.yaml:4:9: server.command: server.kind is command, so server.command must give the command line to run")]
    [TestCase("server: {kind: command, command: \"run\\n--evil\"}", "pkgify.yaml:4:34: server.command: must be a single line")]
    [TestCase("server: {command: run-me}", "pkgify.yaml:4:19: server.command: is only used with kind: command")]
    [TestCase("service: {user: Ledger}", "pkgify.yaml:4:17: service.user: 'Ledger' is not a valid system user name")]
    [TestCase("service: {user: 1ledger}", "pkgify.yaml:4:17: service.user: '1ledger' is not a valid system user name")]
    [TestCase("service: {user: abcdefghijklmnopqrstuvwxyzabcdefg}", "pkgify.yaml:4:17: service.user: 'abcdefghijklmnopqrstuvwxyzabcdefg' is longer than 32 characters")]
    [TestCase("service: {environment_file: /srv/ledger.env}", "pkgify.yaml:4:29: service.environment_file: '/srv/ledger.env' must be under /etc")]
    [TestCase("hooks: {post_install: \"migrate\\nrm -rf /\"}", "pkgify.yaml:4:23: hooks.post_install: must be a single line; remove the line break")]
    [TestCase("nginx: {server_name: 'bad_name!'}", "pkgify.yaml:4:22: nginx.server_name: 'bad_name!' is not a host name")]
    [TestCase("summary: |\n  two\n  lines", "pkgify.yaml:4:10: summary: must be a single line; remove the line break")]
    [TestCase("requirements: reqs.txt", "pkgify.yaml:4:15: requirements: file 'reqs.txt' does not exist")]
    [TestCase("templates: tpl/", "pkgify.yaml:4:12: templates: directory 'tpl/' does not exist")]
    [TestCase("index_url: ftp://mirror/simple", "pkgify.yaml:4:12: index_url: 'ftp://mirror/simple' must be an absolute https or http or file URL")]
    [TestCase("depends: {deb: ['libpq5, libssl3']}", "pkgify.yaml:4:17: depends.deb: 'libpq5, libssl3' contains ','")]
    [TestCase("mappings: {libpq: }", "pkgify.yaml:4:19: mappings.libpq: give the package names")]
    [TestCase("mappings: {libpq: {debian: libpq5}}", "pkgify.yaml:4:20: unknown key 'debian' in mappings.libpq; valid keys: deb, rpm")]
    public void Invalid_values_name_file_line_column_and_key(string extra, string messageStart)
    {
        var yaml = extra.StartsWith("name:") || extra.StartsWith("version:") || extra.StartsWith("wsgi:")
            ? Base.Replace(Base.Split('\n').First(l => l.StartsWith(extra.Split(':')[0] + ":")), extra)
            : Base + extra + "\n";
        LoadError(yaml, p => p.Mkdir("bin")).Message.ShouldStartWith(messageStart);
    }

    [TestCase("  - source: missing.py\n    dest: /etc/ledger/x.py\n", "pkgify.yaml:5:13: config[0].source: file 'missing.py' does not exist")]
    [TestCase("  - source: s.py\n    dest: etc/ledger/x.py\n", "pkgify.yaml:6:11: config[0].dest: 'etc/ledger/x.py' must be an absolute path")]
    [TestCase("  - source: s.py\n    dest: /etc/ledger/../shadow\n", "pkgify.yaml:6:11: config[0].dest: '/etc/ledger/../shadow' must be a normalised path")]
    [TestCase("  - source: s.py\n    dest: /etc/ledger/my settings.py\n", "pkgify.yaml:6:11: config[0].dest: '/etc/ledger/my settings.py' may contain only letters, digits")]
    [TestCase("  - source: s.py\n    dest: \"/etc/ledger/$(touch /tmp/pwned)\"\n", "pkgify.yaml:6:11: config[0].dest: '/etc/ledger/$(touch /tmp/pwned)' may contain only")]
    [TestCase("  - source: s.py\n    dest: /usr/lib/x.py\n", "pkgify.yaml:6:11: config[0].dest: '/usr/lib/x.py' must be under /etc")]
    [TestCase("  - source: s.py\n    dest: /etc/ledger/x.py\n    mode: \"0999\"\n", "pkgify.yaml:7:11: config[0].mode: '0999' is not an octal permission mode")]
    [TestCase("  - source: s.py\n    dest: /etc/ledger/x.py\n    mode: \"4755\"\n", "pkgify.yaml:7:11: config[0].mode: '4755' is not an octal permission mode")]
    [TestCase("  - dest: /etc/ledger/x.py\n", "pkgify.yaml:5:5: config[0].source is missing")]
    [TestCase("  - source: s.py\n", "pkgify.yaml:5:5: config[0].dest is missing")]
    [TestCase("  - {source: s.py, dest: /etc/l/a}\n  - {source: s.py, dest: /etc/l/a}\n", "pkgify.yaml:6:26: config[1].dest: /etc/l/a is already the dest of an earlier config entry")]
    [TestCase("  - source: s.py\n    dset: /etc/l/a\n", "pkgify.yaml:6:5: unknown key 'dset' in config[0]: did you mean 'dest'?")]
    public void Invalid_config_entries_name_their_item(string entries, string messageStart)
    {
        LoadError(Base + "config:\n" + entries, p => p.Write("s.py")).Message.ShouldStartWith(messageStart);
    }

    [Test]
    public void Gunicorn_without_any_wsgi_entry_says_what_to_add()
    {
        LoadError("name: ledger\nversion: 1.0\n").Message
            .ShouldBe("pkgify.yaml:1:1: server.kind: gunicorn (the default) serves a WSGI callable, but none is known; add wsgi: module:callable (e.g. wsgi: ledger.web:application) or provide bin/wsgiapp");
    }
}
