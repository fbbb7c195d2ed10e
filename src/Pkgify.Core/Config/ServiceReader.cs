using Pkgify.Core.Errors;

namespace Pkgify.Core.Config;

/// <summary>Reads what the running service needs: wsgi, server, service, hooks, nginx.</summary>
internal sealed class ServiceReader(YamlMap root, string name)
{
    private static readonly Dictionary<string, ServerKind> Kinds = new(StringComparer.Ordinal)
    {
        ["gunicorn"] = ServerKind.Gunicorn,
        ["uwsgi"] = ServerKind.Uwsgi,
        ["command"] = ServerKind.Command,
    };

    /// <summary>The WSGI entry: as configured, else the deployment-standard script when it exists.</summary>
    public WsgiEntry? Wsgi(string appSource)
    {
        var text = root.Text("wsgi");
        if (text is null)
        {
            if (!File.Exists(Path.Combine(appSource, ConfigDefaults.WsgiScript))) return null;
            root.Context.Origins.Record("wsgi", $"default script {ConfigDefaults.WsgiScript}");
            return new WsgiEntry(null, ConfigDefaults.WsgiScript, ConfigDefaults.WsgiCallable);
        }
        if (ValueRules.Wsgi(text, out var entry) is { } problem) throw root.Error("wsgi", problem);
        if (entry!.ScriptPath is { } script && !File.Exists(Path.Combine(appSource, script)))
            throw root.Error("wsgi", $"script '{script}' does not exist in the application directory {appSource}");
        return entry;
    }

    /// <summary>The <c>server:</c> section, checked against the WSGI entry it needs.</summary>
    public ServerConfig Server(WsgiEntry? wsgi)
    {
        var server = root.Map("server", ConfigKeys.Server);
        var kind = ConfigDefaults.Server;
        var kindText = server?.Text("kind");
        if (kindText is not null && !Kinds.TryGetValue(kindText, out kind))
            throw server!.Error("kind", $"'{ValueRules.Printable(kindText)}' is not a server kind; use one of: {string.Join(", ", Kinds.Keys)}");
        var bindText = (server is null ? null : ConfigLoader.Checked(server, "bind", v => ValueRules.Bind(v, out _)))
            ?? ConfigDefaults.Bind(name);
        ValueRules.Bind(bindText, out var bind);
        var workers = server?.WholeNumber("workers", 1, ConfigDefaults.MaxWorkers) ?? ConfigDefaults.Workers;
        var command = (server is null ? null : ConfigLoader.Checked(server, "command", v => v.Length == 0 ? null : ValueRules.OneLine(v))) ?? "";

        if (kind == ServerKind.Command && command.Trim().Length == 0)
            throw Error(server, "command", "server.kind is command, so server.command must give the command line to run");
        if (kind != ServerKind.Command && command.Length > 0)
            throw Error(server, "command", $"is only used with kind: command, but kind is {kindText ?? "gunicorn (the default)"}; remove it or set kind: command");
        if (kind != ServerKind.Command && wsgi is null)
            throw Error(server, "kind", $"{kindText ?? "gunicorn (the default)"} serves a WSGI callable, but none is known; add wsgi: module:callable (e.g. wsgi: ledger.web:application) or provide {ConfigDefaults.WsgiScript}");
        return new ServerConfig(kind, bind!, workers, command);
    }

    /// <summary>The <c>service:</c> section.</summary>
    public ServiceConfig Service()
    {
        var service = root.Map("service", ConfigKeys.Service);
        var user = service is null ? null : ConfigLoader.Checked(service, "user", ValueRules.UserName);
        if (user is null)
        {
            user = ConfigDefaults.User(name);
            if (ValueRules.UserName(user) is { } problem)
                throw root.Error("service", $"no service.user, and none can be made from the name '{name}' ({problem}); set service.user");
        }
        var environmentFile = (service is null ? null : ConfigLoader.Checked(service, "environment_file", ValueRules.UnderEtc))
            ?? ConfigDefaults.EnvironmentFile(name);
        return new ServiceConfig(user, environmentFile);
    }

    /// <summary>The <c>hooks:</c> section.</summary>
    public HooksConfig Hooks()
    {
        var hooks = root.Map("hooks", ConfigKeys.Hooks);
        var postInstall = hooks is null ? null : ConfigLoader.Checked(hooks, "post_install", v => v.Length == 0 ? null : ValueRules.OneLine(v));
        return new HooksConfig(string.IsNullOrWhiteSpace(postInstall) ? null : postInstall);
    }

    /// <summary>The <c>nginx:</c> section, or null when no server name is set.</summary>
    public NginxConfig? Nginx()
    {
        var nginx = root.Map("nginx", ConfigKeys.Nginx);
        var items = nginx?.TextList("server_name");
        if (nginx is null || items is null) return null;
        var names = new List<string>();
        foreach (var item in items)
        {
            ProjectFileReader.Checked(nginx, "server_name", item, ValueRules.OneLine);
            foreach (var serverName in item.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                names.Add(ProjectFileReader.Checked(nginx, "server_name", (serverName, item.Node), ValueRules.HostName));
        }
        return names.Count == 0 ? null : new NginxConfig(names);
    }

    /// <summary>An error about a server key, located at the server section or, when absent, the file.</summary>
    private UsageException Error(YamlMap? server, string key, string problem) =>
        server?.Error(key, problem) ?? root.Context.Error(root.Node, $"server.{key}: {problem}");
}
