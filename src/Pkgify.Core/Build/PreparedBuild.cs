using Pkgify.Core.Config;
using Pkgify.Core.Model;

namespace Pkgify.Core.Build;

/// <summary>
/// Everything a build decided, before any package is written: the model, the rendered texts
/// (<c>pkgify render</c> prints them) and the facts behind them.
/// </summary>
public sealed record PreparedBuild(
    ProjectConfig Config,
    PackageModel Model,
    IReadOnlyDictionary<string, string> Rendered,
    string VenvDirectory,
    bool VenvReused,
    Dependencies.DependencyReport Dependencies);
