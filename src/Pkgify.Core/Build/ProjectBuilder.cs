using Pkgify.Core.Config;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Output;
using Pkgify.Core.Pack;
using Pkgify.Core.Progress;
using Pkgify.Core.Python;
using Pkgify.Core.Relations;
using Pkgify.Core.Templates;
using Pkgify.Core.Writers;
using Pkgify.Core.Writers.Deb;
using TemplateFile = Pkgify.Core.Templates.SpecFileEntry;

namespace Pkgify.Core.Build;

/// <summary>
/// <c>pkgify build</c>: config → virtualenv (built, relocated, compiled; cached) → files → templates →
/// one package model → each writer. <see cref="Prepare"/> stops before writing, for <c>render</c>.
/// </summary>
public static class ProjectBuilder
{
    /// <summary>Prepares the build and writes every requested package.</summary>
    /// <param name="request">What to build.</param>
    /// <param name="progress">Told of the long steps (virtualenv, each package); null shows nothing.</param>
    public static (PreparedBuild Build, IReadOnlyList<PackResult> Packages) Build(BuildRequest request, IProgressSink? progress = null)
    {
        progress ??= ProgressSink.None;
        // Writer options are checked before the long work starts.
        PackageWriters.CompressionFor(request.Compression, request.Level, request.Threads);
        if (request.SigningKey is { } key)
            Signing.SignatureTime.Resolve(request.SourceDateEpoch, 0, key);
        var prepared = Prepare(request, progress, checkOutput: true);
        var writers = PackageWriters.Create(request.Formats, request.Compression, request.Level,
            debControl: prepared.Rendered.GetValueOrDefault(TemplateNames.DebControl),
            rpmSigning: request.SigningKey is null ? null : new Signing.RpmHeaderSigning(request.SigningKey),
            threads: request.Threads,
            segmentCache: request.NoCache ? null : Writers.Segments.SegmentCache.Default(progress.Detail));
        try
        {
            var packages = PackageEmitter.Emit(prepared.Model, writers, request.Output, progress);
            if (request.StageDirectory is { } stage)
                StageMaterializer.Write(prepared.Model, PackageFamily.Rpm, stage);
            return (prepared, packages);
        }
        finally
        {
            if (request.NoCache)
                StaleTemps.RemoveDirectories(Path.GetTempPath(), NoCacheVenvPrefix(prepared.Config.Name));
        }
    }

    private static string NoCacheVenvPrefix(string name) => $"pkgify-venv-{name}-";

    private static string NoCacheVenvRoot(string name, int pid) =>
        Path.Combine(Path.GetTempPath(), NoCacheVenvPrefix(name) + pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Everything up to the writers: config, virtualenv, files, rendered templates, the model.</summary>
    public static PreparedBuild Prepare(BuildRequest request, IProgressSink? progress = null) => Prepare(request, progress, checkOutput: false);

    private static PreparedBuild Prepare(BuildRequest request, IProgressSink? progress, bool checkOutput)
    {
        progress ??= ProgressSink.None;
        var projectDir = Path.GetFullPath(request.ProjectDir);
        if (!Directory.Exists(projectDir))
            throw new UsageException($"project directory '{request.ProjectDir}' does not exist: give the directory holding pkgify.yaml");
        var config = ConfigLoader.Load(projectDir, py => PyProjectReader.Read(py, Path.Combine(projectDir, "pyproject.toml")));
        var interpreter = InterpreterCheck.Validate(config.Python, config.Origins.Describe("python"));
        var requirements = config.Requirements is null ? null : RequirementsFile.Parse(config.Requirements);
        var templates = TemplateSet.Load(config.Templates);
        var paths = TemplatePaths.For(config.Name);
        // Last of the quick checks: a read-only output directory must not cost a virtualenv build first.
        if (checkOutput)
            OutputDirectory.Check(request.Output);

        var (venvDir, reused) = progress.Step("building the virtualenv",
            step => BuildVenv(config, interpreter, requirements, paths.Venv, request, step, progress),
            r => r.Reused ? $"reused the cached virtualenv {r.Dir}" : $"built {r.Dir}");
        progress.Detail($"checking that wsgi {config.Wsgi} imports");
        WsgiCheck.Run(venvDir, config);
        var bundled = DistributionInventory.Read(venvDir)
            .Select(d => new Pkgify.Core.Templates.BundledDistribution(d.Name, d.Version, d.License)).ToList();

        var draftFiles = new List<PackageFile>();
        draftFiles.AddRange(Pkgify.Core.Staging.TreeScanner.Scan(venvDir, paths.Venv).Select(SourceModes.Normalize));
        var outputInsideApp = RelativeInside(config.App.Source, request.Output);
        draftFiles.AddRange(AppFiles.Collect(config.App, paths.App, outputInsideApp is null ? [] : [outputInsideApp]).Select(SourceModes.Normalize));
        var version = Validation.VersionRules.Parse(config.Version, config.Release, config.Origins.Describe("version"));
        var buildTime = request.SourceDateEpoch ?? DefaultBuildTime(config);
        var changelog = BuildChangelog.For(config, version, buildTime);
        var dependencies = progress.Step("resolving dependencies", _ => BuildDependencies.Resolve(config, interpreter, draftFiles));
        // all/noarch only when no ELF file is in the payload (issue 5): native code is built for this host.
        var arch = dependencies.Architecture;
        var relations = (Deb: dependencies.AddTo(RelationSet.Empty, PackageFamily.Deb), Rpm: dependencies.AddTo(RelationSet.Empty, PackageFamily.Rpm));

        var renderer = new TemplateRenderer(templates);
        TemplateContext Context(IReadOnlyList<TemplateFile> files, long installedSize) => TemplateContext.Create(config, new BuildFacts
        {
            DebVersion = version.Deb,
            RpmVersion = version.Upstream,
            RpmRelease = version.Release,
            Epoch = version.Epoch > 0 ? version.Epoch : null,
            DebArch = arch.Deb,
            RpmArch = arch.Rpm,
            SourceDateEpoch = buildTime,
            InstalledSizeKiB = installedSize,
            DebDepends = relations.Deb.Get(RelationKind.Depends).Select(g => g.ToDeb()).ToList(),
            RpmRequires = relations.Rpm.Get(RelationKind.Depends).Select(g => g.ToRpm()).ToList(),
            Files = files,
            Bundled = bundled,
            Changelog = changelog,
        });

        // Pass 1: the files and scripts (they need no file list). Pass 2, below: control and spec.
        var first = Context([], 0);
        draftFiles.AddRange(GeneratedFiles.Create(config, renderer, first, buildTime));
        var draft = new PackageDraft
        {
            Name = config.Name,
            Version = config.Version,
            Release = config.Release,
            Architecture = arch.Deb,
            Metadata = new PackageMetadata(config.Summary, config.Description, config.Maintainer,
                License: config.License, Homepage: config.Homepage ?? "", Section: first.Section, Group: first.RpmGroup),
            SourceDateEpoch = buildTime,
            DateEveryEntryAtBuildTime = true,
            Deb = new FamilyParts(relations.Deb, Scripts(renderer, first, templates, PackageFamily.Deb)),
            Rpm = new FamilyParts(relations.Rpm, Scripts(renderer, first, templates, PackageFamily.Rpm)),
        };
        draft.Files.AddRange(draftFiles);
        draft.Changelog.AddRange(changelog);
        // The virtualenv rarely changes between builds: its payload entries are compressed as a segment of their own (issue 7).
        draft.CacheableTrees.Add(paths.Venv);
        var model = PackageNormalizer.Normalize(draft);

        var rpmFiles = model.FilesFor(PackageFamily.Rpm).Where(f => !f.IsImplicitParent).Select(ToTemplateFile).ToList();
        var second = Context(rpmFiles, InstalledSize.KiB(model.FilesFor(PackageFamily.Deb)));
        var rendered = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            [TemplateNames.DebControl] = renderer.Render(TemplateNames.DebControl, second),
            [TemplateNames.RpmSpec] = renderer.Render(TemplateNames.RpmSpec, second),
            [TemplateNames.SystemdUnit] = renderer.Render(TemplateNames.SystemdUnit, second),
        };
        foreach (var name in TemplateNames.ShellScripts)
            rendered[name] = renderer.Render(name, second);
        return new PreparedBuild(config, model, rendered, venvDir, reused, dependencies);
    }

    private static (string Dir, bool Reused) BuildVenv(ProjectConfig config, PythonInterpreter interpreter, Requirements? requirements, string target,
        BuildRequest request, IProgressStep step, IProgressSink progress)
    {
        void Build(string dir)
        {
            // Not inside the build directory: a failed venv build removes that, and the error names this log.
            var log = PipLogPath(config.Name);
            if (config.Requirements is null)
                throw new UsageException($"{config.ProjectDir}: no requirements.txt or dependencies.txt: add one (every line pinned with ==) or set 'requirements:' in pkgify.yaml");
            VenvBuilder.Build(new VenvBuildRequest(interpreter, dir, config.Requirements, requirements?.HasHashes ?? false, log,
                config.Wheelhouse, config.IndexUrl, request.SourceDateEpoch), line => PipProgress.Report(line, step, progress));
            step.Status($"relocating to {target}");
            VenvRelocator.Relocate(dir, dir, target);
            step.Status("compiling bytecode");
            BytecodeCompiler.Compile(dir, target, interpreter);
        }
        var cache = VenvCache.Default();
        if (!request.NoCache)
            return cache.GetOrBuild(VenvCache.Key(config, interpreter, target), Build);
        // Without the cache the venv is built in a per-process temp directory, removed after the build; one
        // left by a killed run is removed here by the next.
        StaleTemps.RemoveDirectories(Path.GetTempPath(), NoCacheVenvPrefix(config.Name));
        var scratch = Path.Combine(NoCacheVenvRoot(config.Name, Environment.ProcessId), "venv");
        Build(scratch);
        return (scratch, false);
    }

    /// <summary>
    /// Where pip's output of the last venv build of project <paramref name="name"/> is kept, with or without
    /// the venv cache: <c>&lt;cache dir&gt;/logs/NAME-pip.log</c>, one stable path a user can open after a failure.
    /// </summary>
    public static string PipLogPath(string name) => Path.Combine(Pkgify.Core.IO.CacheRoot.Resolve(), "logs", name + "-pip.log");

    /// <summary>Without SOURCE_DATE_EPOCH: the newest mtime of the project's own inputs (not the clock).</summary>
    private static long DefaultBuildTime(ProjectConfig config)
    {
        var inputs = new[] { config.ConfigFile, config.Requirements, Path.Combine(config.ProjectDir, "pyproject.toml") };
        var times = inputs.Where(p => p is not null && File.Exists(p)).Select(p => new DateTimeOffset(File.GetLastWriteTimeUtc(p!)).ToUnixTimeSeconds());
        return times.DefaultIfEmpty(PackageNormalizer.DefaultEpoch).Max();
    }

    private static MaintainerScripts Scripts(TemplateRenderer renderer, TemplateContext ctx, TemplateSet templates, PackageFamily family)
    {
        var names = family == PackageFamily.Deb
            ? new[] { (ScriptPhase.PreInstall, TemplateNames.DebPreinst), (ScriptPhase.PostInstall, TemplateNames.DebPostinst), (ScriptPhase.PreRemove, TemplateNames.DebPrerm), (ScriptPhase.PostRemove, TemplateNames.DebPostrm) }
            : new[] { (ScriptPhase.PreInstall, TemplateNames.RpmPre), (ScriptPhase.PostInstall, TemplateNames.RpmPost), (ScriptPhase.PreRemove, TemplateNames.RpmPreun), (ScriptPhase.PostRemove, TemplateNames.RpmPostun) };
        var scripts = MaintainerScripts.Empty;
        foreach (var (phase, name) in names)
        {
            // The built-in Debian preinst does nothing; shipping it would only draw lintian's maintainer-script-empty.
            if (name == TemplateNames.DebPreinst && !templates.IsOverridden(name))
                continue;
            scripts = scripts.With(phase, new MaintainerScript(renderer.Render(name, ctx)));
        }
        return scripts;
    }

    private static TemplateFile ToTemplateFile(PackageFile f) => new(
        f.Path,
        f.Kind switch { FileKind.Directory => SpecFileKind.Directory, FileKind.Symlink => SpecFileKind.Symlink, _ => SpecFileKind.File },
        (UnixFileMode)f.Mode, f.Owner, f.Group, f.IsConfig, (f.Flags & FileFlags.Doc) != 0);

    private static string? RelativeInside(string root, string path)
    {
        var rel = Path.GetRelativePath(Path.GetFullPath(root), Path.GetFullPath(path));
        return rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? null : rel.Replace('\\', '/');
    }
}
