using System.Diagnostics;
using System.Globalization;

namespace Pkgify.Core.Diagnostics;

/// <summary>
/// Stopwatch instrumentation of the long phases (scan, payload, assembly, fsync, digest), printed to stderr
/// when the environment sets <c>PKGIFY_PROFILE=1</c>. Meant for <c>make bench</c> and for finding what
/// limits a build on a given host; off, it costs one boolean test per phase. Each line gives the wall time
/// and the process CPU time of the phase, so a phase starved by other load shows wall ≫ CPU.
/// </summary>
public static class PhaseTimer
{
    /// <summary>The environment variable that turns the timings on.</summary>
    public const string EnvironmentVariable = "PKGIFY_PROFILE";

    private static readonly bool Enabled = Environment.GetEnvironmentVariable(EnvironmentVariable) == "1";

    /// <summary>Times the phase until the returned value is disposed.</summary>
    public static Phase Start(string name) => Enabled ? new Phase(name, Stopwatch.GetTimestamp(), CpuTime()) : default;

    private static TimeSpan CpuTime()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>One running phase; the default value (profiling off) does nothing.</summary>
    public readonly struct Phase : IDisposable
    {
        private readonly string? _name;
        private readonly long _started;
        private readonly TimeSpan _cpuAtStart;

        internal Phase(string name, long started, TimeSpan cpuAtStart)
        {
            _name = name;
            _started = started;
            _cpuAtStart = cpuAtStart;
        }

        public void Dispose()
        {
            if (_name is null)
                return;
            var wall = Stopwatch.GetElapsedTime(_started);
            var cpu = CpuTime() - _cpuAtStart;
            Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"pkgify-profile: {_name,-28} wall {wall.TotalSeconds,8:F3} s   cpu {cpu.TotalSeconds,8:F3} s"));
        }
    }
}
