namespace Pkgify.Core.Templates;

/// <summary>
/// A value cannot be written in the syntax a helper targets (e.g. a line break in a one-line field).
/// <see cref="TemplateRenderer"/> turns it into a <see cref="Errors.UsageException"/> naming the key.
/// </summary>
internal sealed class TemplateValueException(string value, string problem) : Exception(problem)
{
    /// <summary>The offending value, as the template received it.</summary>
    public string Value { get; } = value;
}
