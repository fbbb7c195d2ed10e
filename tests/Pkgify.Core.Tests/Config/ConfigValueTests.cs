using NUnit.Framework;
using Pkgify.Core.Config;
using Pkgify.Core.Tests.Support;
using Shouldly;

namespace Pkgify.Core.Tests.Config;

/// <summary>Accepted spellings of values, beyond the contract example.</summary>
public class ConfigValueTests
{
    private static ProjectConfig Load(string yaml)
    {
        using var project = new TempProject("ledger");
        project.Write("pkgify.yaml", "name: ledger\nversion: 1.0\n" + yaml);
        project.Write("s.conf");
        return ConfigLoader.Load(project.Dir, ContractExampleTests.NoPyProject);
    }

    [TestCase("unix:/run/ledger/ledger.sock", "/run/ledger/ledger.sock", null, 0)]
    [TestCase("127.0.0.1:8000", null, "127.0.0.1", 8000)]
    [TestCase("localhost:80", null, "localhost", 80)]
    [TestCase("'[::1]:8080'", null, "[::1]", 8080)]
    public void Bind_accepts_unix_sockets_and_host_port(string bind, string? path, string? host, int port)
    {
        var config = Load($"wsgi: a:b\nserver:\n  bind: {bind}\n");
        config.Server.Bind.ShouldBe(new BindAddress(path, host, port));
        config.Server.Bind.ToString().ShouldBe(bind.Trim('\''));
    }

    [Test]
    public void Uwsgi_and_command_kinds()
    {
        Load("wsgi: a.b:app\nserver: {kind: uwsgi, workers: 8}\n").Server
            .ShouldBe(new ServerConfig(ServerKind.Uwsgi, new BindAddress("/run/ledger/ledger.sock", null, 0), 8, ""));
        var command = Load("server: {kind: command, command: /opt/ledger/venv/bin/celery -A ledger worker}\n");
        command.Server.Kind.ShouldBe(ServerKind.Command);
        command.Server.Command.ShouldBe("/opt/ledger/venv/bin/celery -A ledger worker");
        command.Wsgi.ShouldBeNull();
    }

    [Test]
    public void Nginx_server_names_may_be_a_list_or_space_separated()
    {
        Load("wsgi: a:b\nnginx: {server_name: 'a.example.com *.b.example.com'}\n").Nginx!.ServerNames
            .ShouldBe(["a.example.com", "*.b.example.com"]);
        Load("wsgi: a:b\nnginx: {server_name: [a.example.com, c.example.com]}\n").Nginx!.ServerNames
            .ShouldBe(["a.example.com", "c.example.com"]);
        Load("wsgi: a:b\nnginx: {}\n").Nginx.ShouldBeNull();
    }

    [Test]
    public void Depends_and_mappings_take_lists_or_single_values()
    {
        var config = Load("""
            wsgi: a:b
            depends:
              deb: libjpeg62-turbo | libjpeg8
              rpm: [libjpeg-turbo, "zlib >= 1.2"]
            mappings:
              libxml2-dev: { deb: libxml2, rpm: [libxml2] }
              libpq: { rpm: [] }
            """);
        config.Depends.Deb.ShouldBe(["libjpeg62-turbo | libjpeg8"]);
        config.Depends.Rpm.ShouldBe(["libjpeg-turbo", "zlib >= 1.2"]);
        config.Mappings.Keys.ShouldBe(["libpq", "libxml2-dev"]);
        config.Mappings["libxml2-dev"].Deb.ShouldBe(["libxml2"]);
        config.Mappings["libxml2-dev"].Rpm.ShouldBe(["libxml2"]);
        config.Mappings["libpq"].Deb.ShouldBeNull();
        config.Mappings["libpq"].Rpm.ShouldBeEmpty();
    }

    [TestCase("\"0640\"", "0640")]
    [TestCase("0600", "0600")]
    [TestCase("640", "0640")]
    public void Config_mode_is_octal(string mode, string octal)
    {
        Load($"wsgi: a:b\nconfig:\n  - {{source: s.conf, dest: /etc/ledger/s.conf, mode: {mode}}}\n")
            .Config[0].ModeOctal.ShouldBe(octal);
    }

    [Test]
    public void Null_values_count_as_absent()
    {
        var config = Load("wsgi: a:b\nhomepage: ~\nwheelhouse:\nhooks: {post_install: ''}\n");
        config.Homepage.ShouldBeNull();
        config.Wheelhouse.ShouldBeNull();
        config.Hooks.PostInstall.ShouldBeNull();
    }

    [Test]
    public void Anchors_and_aliases_are_followed()
    {
        Load("wsgi: a:b\nsummary: &s Shared text\ndescription: *s\n").Description.ShouldBe("Shared text");
    }

}
