using System.Runtime.Versioning;
using NUnit.Framework;
using Pkgify.Core.Dependencies;
using Pkgify.Formats.Elf;
using Pkgify.TestSupport;
using Shouldly;

namespace Pkgify.Core.Tests.Dependencies;

/// <summary>
/// Our requires/provides must equal what rpm's own generator prints, line for line, on hundreds of real files of
/// every kind on this machine (shared libraries, PIE and non-PIE executables, setuid tools, Python extensions)
/// and on files built here for the cases the system lacks (32-bit, big-endian, odd sonames, weak versions).
/// </summary>
[SupportedOSPlatform("linux")]
public class RpmElfDependenciesTests
{
    // Enough files of every kind to meet every rule, few enough to keep the test under a minute on a loaded box.
    private const int SampleSize = 800;

    [Test]
    public void Requires_and_provides_equal_elfdeps_on_the_system_files()
    {
                var files = SystemElfFiles.Sample(SampleSize);
        files.Count.ShouldBeGreaterThan(SampleSize / 2, "expected hundreds of ELF files on the test machine");
        Mismatches(files).ShouldBeEmpty();
    }

    [Test]
    public void Requires_and_provides_equal_elfdeps_on_files_built_for_the_corner_cases()
    {
                using var dir = new TempDir("elfdeps");
        var built = ElfFixtures.BuildCornerCases(dir);
        built.Count.ShouldBeGreaterThan(20);
        Mismatches(built).ShouldBeEmpty();
        // The corner cases really cover both classes and both byte orders.
        var headers = built.Select(f => ElfReader.Read(f).Header).ToList();
        headers.ShouldContain(h => h.Class == ElfClass.Elf32 && !h.IsBigEndian);
        headers.ShouldContain(h => h.Class == ElfClass.Elf32 && h.IsBigEndian);
        headers.ShouldContain(h => h.Class == ElfClass.Elf64 && h.IsBigEndian);
    }

    [Test]
    public void A_file_without_execute_bit_and_with_an_interpreter_requires_nothing()
    {
        using var dir = new TempDir("elfdeps");
        var copy = dir.Path("ls");
        File.Copy("/usr/bin/ls", copy);
        File.SetUnixFileMode(copy, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        RpmElfDependencies.Requires(ElfReader.Read(copy), executable: false).ShouldBeEmpty();
        RpmElfDependencies.Requires(ElfReader.Read(copy), executable: true).ShouldContain("libc.so.6()(64bit)");
        ElfDepsBatch.Run([copy])[copy].Requires.ShouldBeEmpty();
    }

    /// <summary>Describes each file whose requires or provides differ from elfdeps' (empty when all agree).</summary>
    private static List<string> Mismatches(IReadOnlyCollection<string> files)
    {
        var theirs = ElfDepsBatch.Run(files);
        var mismatches = new List<string>();
        foreach (var file in files)
        {
            var elf = ElfReader.Read(file);
            var executable = (File.GetUnixFileMode(file) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
            var requires = RpmElfDependencies.Requires(elf, executable);
            var provides = RpmElfDependencies.Provides(elf, file);
            var (wantRequires, wantProvides) = theirs[file];
            if (!requires.SequenceEqual(wantRequires) || !provides.SequenceEqual(wantProvides))
                mismatches.Add($"{file}:\n  ours requires {string.Join(' ', requires)}\n  elfdeps       {string.Join(' ', wantRequires)}"
                               + $"\n  ours provides {string.Join(' ', provides)}\n  elfdeps       {string.Join(' ', wantProvides)}");
        }
        return mismatches;
    }
}
