using Pkgify.Core.Model;
using Pkgify.Core.Output;

namespace Pkgify.Core.Writers;

/// <summary>Writes one package format from the model. Format-specific options go to the writer's constructor.</summary>
public interface IPackageWriter
{
    PackageFamily Family { get; }

    /// <summary>The conventional file name (Debian: name_version_arch.deb; RPM: name-version-release.arch.rpm).</summary>
    string FileName(PackageModel model);

    /// <summary>
    /// Writes the package to <paramref name="output"/>. Large intermediate data (the payload) goes to
    /// temp files from <paramref name="scratch"/>, never into memory.
    /// </summary>
    /// <param name="payloadRead">Told of every block of file content read for the payload (from any thread), for progress.</param>
    void Write(PackageModel model, Stream output, ScratchSpace scratch, Action<long>? payloadRead = null);
}
