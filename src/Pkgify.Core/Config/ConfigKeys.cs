namespace Pkgify.Core.Config;

/// <summary>The keys pkgify.yaml accepts, per section (names fixed by the contract).</summary>
internal static class ConfigKeys
{
    public static readonly string[] Root =
    [
        "name", "version", "release", "summary", "description", "maintainer", "license", "homepage",
        "python", "requirements", "wheelhouse", "index_url", "app", "wsgi", "server", "service",
        "external_dependencies", "depends", "mappings", "config", "hooks", "nginx", "templates",
    ];

    public static readonly string[] App = ["source", "exclude"];
    public static readonly string[] Server = ["kind", "bind", "workers", "command"];
    public static readonly string[] Service = ["user", "environment_file"];
    public static readonly string[] Family = ["deb", "rpm"];
    public static readonly string[] ConfigEntry = ["source", "dest", "mode"];
    public static readonly string[] Hooks = ["post_install"];
    public static readonly string[] Nginx = ["server_name"];

    /// <summary>Sections with fixed keys, to tell a user that a key exists but belongs elsewhere.</summary>
    public static readonly (string Section, string[] Keys)[] Sections =
    [
        ("", Root), ("app", App), ("server", Server), ("service", Service), ("depends", Family),
        ("config[]", ConfigEntry), ("hooks", Hooks), ("nginx", Nginx),
    ];
}
