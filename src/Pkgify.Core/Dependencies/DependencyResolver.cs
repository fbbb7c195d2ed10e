using Pkgify.Core.Dependencies.Debian;
using Pkgify.Core.Errors;
using Pkgify.Core.Model;
using Pkgify.Core.Relations;
using Pkgify.Formats.Elf;

namespace Pkgify.Core.Dependencies;

/// <summary>
/// Works out every relation of the packages and where it comes from: the interpreter, pkgify.yaml
/// <c>depends:</c>, external-dependencies.txt through the mapping table, and the shared libraries the payload's
/// ELF files need and the payload does not carry (RPM: elfdeps-form sonames; Debian: the packages shipping
/// them, as dpkg-shlibdeps finds them).
/// </summary>
public static class DependencyResolver
{
    /// <summary>Resolves <paramref name="inputs"/>; usage mistakes throw <see cref="UsageException"/>, unresolvable libraries <see cref="BuildException"/>.</summary>
    public static DependencyReport Resolve(DependencyInputs inputs)
    {
        var elves = ReadElfFiles(inputs.PayloadFiles);
        var payload = new PayloadLibraries(elves, inputs.PayloadFiles.Select(f => f.InstallPath));
        var external = inputs.ExternalDependenciesFile is null ? [] : ExternalDependencyFile.Read(inputs.ExternalDependenciesFile);
        var mappings = new MappingLookup(inputs.Table, inputs.Mappings);
        var relations = new List<ResolvedRelation>();
        foreach (var family in new[] { PackageFamily.Deb, PackageFamily.Rpm }.Where(inputs.Families.Contains))
        {
            relations.AddRange(InterpreterRelations(inputs, family));
            relations.AddRange(Declared(family == PackageFamily.Deb ? inputs.DeclaredDeb : inputs.DeclaredRpm, family, inputs.ConfigName));
            relations.AddRange(Mapped(external, family, mappings, inputs.InterpreterPath));
            relations.AddRange(family == PackageFamily.Deb
                ? ElfDebian(elves, payload, inputs.Host, mappings)
                : ElfRpm(elves, payload));
        }
        var architecture = elves.Count > 0 ? PackageArchitecture.Host : PackageArchitecture.Independent;
        return new DependencyReport(relations, elves.Select(e => e.InstallPath).ToList(), architecture);
    }

    private static List<PayloadElf> ReadElfFiles(IReadOnlyList<(string HostPath, string InstallPath)> files)
    {
        var elves = new List<PayloadElf>();
        foreach (var (hostPath, installPath) in files.OrderBy(f => f.InstallPath, StringComparer.Ordinal))
        {
            if (new FileInfo(hostPath).LinkTarget is not null || !ElfReader.IsElf(hostPath))
                continue;
            try
            {
                elves.Add(new PayloadElf(hostPath, PosixPath.Normalize(installPath), ElfReader.Read(hostPath), IsExecutable(hostPath)));
            }
            catch (InvalidDataException e)
            {
                throw new BuildException($"{installPath}: cannot read this ELF file ({e.Message}): rebuild it, or leave it out of the payload (app.exclude in pkgify.yaml)", e);
            }
        }
        return elves;
    }

    private static bool IsExecutable(string path) =>
        OperatingSystem.IsWindows()
        || (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;

    private static ResolvedRelation Depends(PackageFamily family, RelationGroup group, string kind, string detail) =>
        new(family, RelationKind.Depends, group, new DependencyOrigin(kind, detail));

    /// <summary>Debian: the interpreter's package (<c>python3.11</c>); RPM: its path, which the package providing it owns.</summary>
    private static IEnumerable<ResolvedRelation> InterpreterRelations(DependencyInputs inputs, PackageFamily family)
    {
        if (inputs.InterpreterPath is not { } path)
            yield break;
        var name = family == PackageFamily.Rpm ? path : InterpreterPackage.Debian(path, inputs.Host);
        if (name is not null)
            yield return Depends(family, new RelationGroup(new Relation(name)), DependencyOrigin.Interpreter, path);
    }

    private static IEnumerable<ResolvedRelation> Declared(IReadOnlyList<string> declared, PackageFamily family, string configName)
    {
        var key = family == PackageFamily.Deb ? "depends.deb" : "depends.rpm";
        return declared.Select((text, i) => Depends(family, RelationParser.Parse(text, $"{configName}: {key}[{i}]"),
            DependencyOrigin.Declared, $"{configName} {key}"));
    }

    private static IEnumerable<ResolvedRelation> Mapped(IReadOnlyList<ExternalDependency> external, PackageFamily family, MappingLookup mappings, string? interpreter)
    {
        var environment = EnvironmentMarker.TargetEnvironment(interpreter);
        foreach (var dependency in external)
        {
            if (dependency.Marker is { } marker && !EnvironmentMarker.Evaluate(marker, environment, dependency.Where))
                continue;
            var (text, source) = mappings.ForName(dependency);
            var relationText = text?.For(family);
            if (string.IsNullOrWhiteSpace(relationText))
                continue;
            var detail = $"{dependency.Where} '{dependency.Name}' ({source})";
            foreach (var group in WithBounds(RelationParser.Parse(relationText, $"{dependency.Where}: mapping of '{dependency.Name}' ({source})"), dependency.Bounds))
                yield return Depends(family, group, DependencyOrigin.Mapped, detail);
        }
    }

    /// <summary>The mapped relation, with each version bound of the line applied to every unversioned alternative.</summary>
    private static IEnumerable<RelationGroup> WithBounds(RelationGroup group, IReadOnlyList<VersionBound> bounds) =>
        bounds.Count == 0
            ? [group]
            : bounds.Select(b => new RelationGroup([.. group.Alternatives.Select(a => a.Operator == RelationOperator.None ? a with { Operator = b.Operator, Version = b.Version } : a)]))
                .Distinct();

    private static IEnumerable<ResolvedRelation> ElfRpm(List<PayloadElf> elves, PayloadLibraries payload)
    {
        var seen = new Dictionary<string, (string File, int Count)>(StringComparer.Ordinal);
        foreach (var file in elves)
        {
            var carried = payload.Carried(file);
            foreach (var require in RpmElfDependencies.Requires(file.Elf, file.Executable).Distinct())
            {
                var open = require.IndexOf('(');
                if (carried.Contains(open < 0 ? require : require[..open]))
                    continue;
                seen[require] = seen.TryGetValue(require, out var s) ? (s.File, s.Count + 1) : (file.InstallPath, 1);
            }
        }
        return seen.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv =>
            Depends(PackageFamily.Rpm, new RelationGroup(new Relation(kv.Key)), DependencyOrigin.Elf, ElfDetail(kv.Value.File, null, kv.Value.Count)));
    }

    private static IEnumerable<ResolvedRelation> ElfDebian(List<PayloadElf> elves, PayloadLibraries payload, HostSystem host, MappingLookup mappings)
    {
        var debian = new DebianLibraryDependencies(host, mappings.DebForSoname);
        foreach (var file in elves)
        {
            var unresolved = debian.Add(file.Elf, file.InstallPath, payload.Carried(file));
            if (unresolved.Count > 0)
                throw new BuildException($"{file.InstallPath}: needs library {unresolved[0]}, which neither the payload nor an installed package provides: "
                                         + $"install the package that ships it on the build host, bundle the library, or add to pkgify.yaml  mappings: {{ {unresolved[0]}: {{ deb: PACKAGE }} }}");
        }
        return debian.Relations().Select(r => Depends(PackageFamily.Deb,
            RelationParser.Parse(r.Relation, $"dependency computed for {r.File}"), DependencyOrigin.Elf, ElfDetail(r.File, r.Soname, r.FileCount)));
    }

    private static string ElfDetail(string file, string? soname, int count) =>
        $"needed by {file}{(soname is null ? "" : $" ({soname})")}{(count > 1 ? $" and {count - 1} more ELF file{(count > 2 ? "s" : "")}" : "")}";
}
