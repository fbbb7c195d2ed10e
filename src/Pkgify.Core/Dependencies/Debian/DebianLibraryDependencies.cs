using System.Text.RegularExpressions;
using Pkgify.Formats.Elf;

namespace Pkgify.Core.Dependencies.Debian;

/// <summary>One Debian relation computed from ELF files, with the first file and soname that asked for it.</summary>
/// <param name="Relation">deb-control(5) text, e.g. <c>libc6 (&gt;= 2.34)</c>.</param>
/// <param name="File">Install path of the first ELF file that needs it.</param>
/// <param name="Soname">The library that file needs.</param>
/// <param name="FileCount">How many ELF files need it.</param>
internal sealed record DebianLibraryRelation(string Relation, string File, string Soname, int FileCount);

/// <summary>
/// Computes the Debian relations of ELF files as dpkg-shlibdeps does: each needed library is found on the build
/// host, traced to its package through the dpkg database, and given the package's symbols-file template with
/// the highest minimal version among the symbols the files import (else the package's shlibs entry). Results
/// accumulate over files: one relation per template, at the highest version any file needs.
/// Where this differs: a host copy that no package owns is skipped for the next one (dpkg-shlibdeps stops), a
/// library owned by a package without shlibs or symbols gets an unversioned relation on that package, and a
/// library found nowhere goes to <paramref name="fallback"/> (the mapping table) before failing.
/// </summary>
internal sealed partial class DebianLibraryDependencies(HostSystem host, Func<string, string?> fallback)
{
    private const string MinVersionToken = "#MINVER#";
    private const string Unversioned = "";

    [GeneratedRegex(@"\s*,\s*")]
    private static partial Regex TemplateSeparator();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();

    private readonly DpkgDatabase _dpkg = new(host);
    private readonly HostLibrarySearch _search = new(host);
    private readonly Dictionary<string, Dictionary<string, DebSymbolsObject>> _symbolFiles = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    private sealed class Entry(string version, string file, string soname)
    {
        public string Version = version;
        public readonly string File = file;
        public readonly string Soname = soname;
        public readonly HashSet<string> Files = [file];
    }

    /// <summary>
    /// Adds the relations <paramref name="elf"/> (installed at <paramref name="installPath"/>) needs, leaving out
    /// the sonames in <paramref name="carried"/>. Returns the sonames neither the host nor the fallback resolves.
    /// </summary>
    public List<string> Add(ElfFile elf, string installPath, IReadOnlySet<string> carried)
    {
        var unresolved = new List<string>();
        if (elf.Header.Type is not (ElfFileType.Executable or ElfFileType.SharedObject) || !elf.IsDynamic)
            return unresolved;
        var abi = ElfAbi.Of(elf.Header);
        // $ORIGIN entries point into the payload, which the caller already searched.
        var runPath = elf.SearchPath.Where(d => d.StartsWith('/') && !d.Contains('$')).ToList();
        var symbols = new Dictionary<string, DebSymbolsObject>(StringComparer.Ordinal);
        foreach (var soname in elf.Needed.Where(s => !carried.Contains(s)).Distinct())
        {
            if (ResolveOnHost(soname, runPath, abi, symbols, installPath))
                continue;
            var mapped = fallback(soname);
            if (mapped is null)
                unresolved.Add(soname);
            else
                foreach (var part in TemplateSeparator().Split(mapped.Trim()))
                    Raise(part, Unversioned, installPath, soname);
        }
        RaiseForImports(elf, symbols, installPath);
        return unresolved;
    }

    /// <summary>The accumulated relations, sorted.</summary>
    public List<DebianLibraryRelation> Relations() =>
        _entries.Select(kv => new DebianLibraryRelation(Render(kv.Key, kv.Value.Version), kv.Value.File, kv.Value.Soname, kv.Value.Files.Count))
            .OrderBy(r => r.Relation, StringComparer.Ordinal)
            .ToList();

    private bool ResolveOnHost(string soname, List<string> runPath, ElfAbi abi, Dictionary<string, DebSymbolsObject> symbols, string file)
    {
        if (!_dpkg.Exists)
            return false;
        foreach (var library in _search.Find(soname, runPath, abi))
        {
            var owners = _dpkg.Owners(library);
            if (owners.Count == 0)
                owners = _dpkg.Owners(PosixPath.RealPath(library));
            if (owners.Count == 0)
                continue;
            foreach (var package in owners)
                if (FromSymbols(package, soname, symbols, file) || (IsPublicLibrary(library) && FromShlibs(package, soname, file)))
                    return true;
            Raise(owners[0].Split(':')[0], Unversioned, file, soname);
            return true;
        }
        return false;
    }

    private bool FromSymbols(string package, string soname, Dictionary<string, DebSymbolsObject> symbols, string file)
    {
        var path = SymbolsFileCandidates(package).FirstOrDefault(p => File.Exists(p) && DebSymbolsFile.HasSoname(p, soname));
        if (path is null)
            return false;
        if (!_symbolFiles.TryGetValue(path, out var objects))
            _symbolFiles[path] = objects = DebSymbolsFile.Parse(path);
        if (!objects.TryGetValue(soname, out var obj) || obj.Templates.Count == 0)
            return false;
        symbols.TryAdd(soname, obj);
        Raise(obj.Templates[0], obj.SmallestVersion(), file, soname);
        return true;
    }

    private IEnumerable<string> SymbolsFileCandidates(string package)
    {
        yield return Path.Combine(host.DpkgConfDir, "symbols", $"{package}.symbols.{host.DebArch}");
        yield return Path.Combine(host.DpkgConfDir, "symbols", $"{package}.symbols");
        if (_dpkg.ControlFile(package, "symbols") is { } control)
            yield return control;
    }

    private bool FromShlibs(string package, string soname, string file)
    {
        string?[] files = [Path.Combine(host.DpkgConfDir, "shlibs.override"), _dpkg.ControlFile(package, "shlibs"), Path.Combine(host.DpkgConfDir, "shlibs.default")];
        foreach (var shlibs in files.OfType<string>().Where(File.Exists))
        {
            if (ShlibsFile.Find(shlibs, soname) is not { } dependencies)
                continue;
            // A shlibs dependency is used as written: it replaces any minimal version gathered for the same text.
            foreach (var part in TemplateSeparator().Split(dependencies).Where(p => p.Length > 0))
            {
                Raise(part, Unversioned, file, soname);
                _entries[part].Version = Unversioned;
            }
            return true;
        }
        return false;
    }

    // dpkg-shlibdeps only trusts shlibs for a library with a SONAME (Objdump is_public_library).
    private static bool IsPublicLibrary(string path)
    {
        try
        {
            var elf = ElfReader.Read(path);
            return elf.Header.Type == ElfFileType.SharedObject && !string.IsNullOrEmpty(elf.SoName);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }

    /// <summary>Raises templates by the minimal version of each imported symbol found in a symbols file.</summary>
    private void RaiseForImports(ElfFile elf, Dictionary<string, DebSymbolsObject> symbols, string file)
    {
        if (symbols.Count == 0)
            return;
        // Copy-relocated data counts as imported, as in dpkg-shlibdeps (Objdump apply_relocations).
        foreach (var import in elf.ImportedSymbols.Concat(elf.CopiedSymbols))
        {
            var key = $"{import.Name}@{import.Version ?? "Base"}";
            foreach (var soname in elf.Needed)
            {
                if (!symbols.TryGetValue(soname, out var obj) || !obj.Symbols.TryGetValue(key, out var symbol) || symbol.Deprecated)
                    continue;
                if (symbol.TemplateIndex < obj.Templates.Count)
                    Raise(obj.Templates[symbol.TemplateIndex], symbol.MinVersion, file, soname);
                break;
            }
        }
    }

    /// <summary>dpkg-shlibdeps' update_dependency_version: each comma part of a template keeps its highest version.</summary>
    private void Raise(string template, string version, string file, string soname)
    {
        foreach (var part in TemplateSeparator().Split(template.Trim()).Where(p => p.Length > 0))
        {
            if (!_entries.TryGetValue(part, out var entry))
            {
                _entries[part] = new Entry(version, file, soname);
                continue;
            }
            entry.Files.Add(file);
            if (entry.Version.Length == 0 || (version.Length > 0 && DebianVersion.Compare(version, entry.Version) > 0))
                entry.Version = version;
        }
    }

    // #MINVER# becomes "(>= v)"; dpkg-shlibdeps drops it for an empty version and for "0" (false in Perl).
    private static string Render(string template, string version)
    {
        var constraint = version.Length > 0 && version != "0" ? $"(>= {version})" : "";
        return Spaces().Replace(template.Replace(MinVersionToken, constraint), " ").Trim();
    }
}
