using System.Text;
using Pkgify.Core.Config;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Init;

/// <summary>What <c>pkgify init</c> was asked to do.</summary>
/// <param name="ProjectDir">The project directory.</param>
/// <param name="Force">Replace an existing pkgify.yaml.</param>
/// <param name="Python">The interpreter to write (init --python), or null to pick this host's python3.</param>
/// <param name="Name">The package name to write (init --name), or null to derive it.</param>
public sealed record InitRequest(string ProjectDir, bool Force = false, string? Python = null, string? Name = null);

/// <summary>What <c>pkgify init</c> wrote.</summary>
/// <param name="ConfigFile">Absolute path of the written pkgify.yaml.</param>
/// <param name="Survey">What was found.</param>
/// <param name="Text">The file's text.</param>
public sealed record InitResult(string ConfigFile, ProjectSurvey Survey, string Text);

/// <summary><c>pkgify init</c>: survey the project, render the starter file, write it without clobbering.</summary>
public static class ProjectInitializer
{
    /// <summary>Writes DIR/pkgify.yaml.</summary>
    /// <exception cref="UsageException">The file exists and <see cref="InitRequest.Force"/> is not set, or the survey failed.</exception>
    public static InitResult Init(InitRequest request)
    {
        var dir = Path.GetFullPath(request.ProjectDir);
        var target = Path.Combine(dir, ConfigDefaults.FileName);
        // Checked before the survey so the common mistake costs nothing; the rename below re-checks.
        if (File.Exists(target) && !request.Force)
            throw Exists(target);
        var survey = ProjectInspector.Inspect(dir, request.Python, request.Name);
        var text = StarterConfig.Render(survey);
        Write(target, text, request.Force);
        return new InitResult(target, survey, text);
    }

    private static void Write(string target, string text, bool overwrite)
    {
        var temp = Path.Combine(Path.GetDirectoryName(target)!, $".{ConfigDefaults.FileName}.init-{Environment.ProcessId}");
        try
        {
            File.WriteAllText(temp, text, new UTF8Encoding(false));
            File.Move(temp, target, overwrite);
        }
        catch (IOException) when (!overwrite && File.Exists(target))
        {
            throw Exists(target);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UsageException($"{target}: cannot be written ({e.Message}): run pkgify init where you may write, or fix the directory's permissions", e);
        }
        finally
        {
            if (File.Exists(temp)) File.Delete(temp);
        }
    }

    private static UsageException Exists(string target) =>
        new($"{target} already exists: pkgify init does not overwrite it; edit it, or pass --force to replace it");
}
