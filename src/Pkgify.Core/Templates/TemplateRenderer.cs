using HandlebarsDotNet;
using HandlebarsDotNet.Compiler;
using Pkgify.Core.Errors;

namespace Pkgify.Core.Templates;

/// <summary>
/// Renders templates with Handlebars in strict mode: a variable that does not exist is an error, not
/// an empty string, and nothing is HTML-escaped (templates escape through helpers, see
/// <see cref="TemplateHelpers"/>). Not thread-safe: use one renderer per thread.
/// </summary>
public sealed class TemplateRenderer
{
    /// <summary>How deep <c>include</c> may nest (the spec includes the scriptlets; nothing needs more).</summary>
    private const int MaxIncludeDepth = 4;

    /// <summary>Longest excerpt of a refused value quoted in a message.</summary>
    private const int MaxShownValue = 60;

    private readonly TemplateSet templates;
    private readonly Dictionary<string, HandlebarsTemplate<object, object>> compiled = new(StringComparer.Ordinal);
    private readonly Stack<Dictionary<string, object?>> models = new();

    /// <summary>Compiles every template of <paramref name="templates"/>.</summary>
    /// <exception cref="UsageException">A template (an override) has a syntax error.</exception>
    public TemplateRenderer(TemplateSet templates)
    {
        this.templates = templates;
        var handlebars = Handlebars.Create(new HandlebarsConfiguration
        {
            ThrowOnUnresolvedBindingExpression = true,
            NoEscape = true,
        });
        TemplateHelpers.Register(handlebars, Include);
        foreach (var name in templates.Names)
        {
            try
            {
                compiled[name] = handlebars.Compile(templates.Text(name));
            }
            catch (HandlebarsException e)
            {
                throw new UsageException(Config.ValueRules.Printable($"template {Describe(name)}: syntax error: {e.Message}"), e);
            }
        }
    }

    /// <summary>Renders <paramref name="templateName"/> (one of <see cref="TemplateNames"/>).</summary>
    /// <exception cref="UsageException">A value cannot be written in the template's syntax, or the template uses an unknown variable.</exception>
    public string Render(string templateName, TemplateContext context) => Render(templateName, TemplateModel.From(context));

    private string Include(string templateName)
    {
        if (models.Count >= MaxIncludeDepth)
            throw new TemplateValueException(templateName, $"include nests deeper than {MaxIncludeDepth} templates");
        if (!compiled.ContainsKey(templateName))
            throw new TemplateValueException(templateName, $"include names no template; known: {string.Join(", ", templates.Names)}");
        return Render(templateName, models.Peek());
    }

    private string Render(string name, Dictionary<string, object?> model)
    {
        if (!compiled.TryGetValue(name, out var template))
            throw new ArgumentException($"no template named '{name}'; known: {string.Join(", ", templates.Names)}", nameof(name));
        models.Push(model);
        try
        {
            return template(model);
        }
        catch (TemplateValueException e)
        {
            throw new UsageException($"template {Describe(name)}: {Culprit(e.Value, model)}{e.Message}; change it in pkgify.yaml (or the template)", e);
        }
        catch (HandlebarsUndefinedBindingException e)
        {
            throw new UsageException($"template {Describe(name)}: unknown variable '{e.Path}'; the variables are: {string.Join(", ", model.Keys)} (see TemplateContext)", e);
        }
        catch (HandlebarsException e)
        {
            throw new UsageException(Config.ValueRules.Printable($"template {Describe(name)}: {e.Message}"), e);
        }
        finally
        {
            models.Pop();
        }
    }

    private string Describe(string name) =>
        templates.IsOverridden(name) ? $"{name} ({templates.Source(name)})" : name;

    /// <summary>Names the key(s) holding the refused value, so the user knows what to change.</summary>
    private static string Culprit(string value, Dictionary<string, object?> model)
    {
        if (value.Length == 0) return "";
        var keys = TemplateModel.Leaves(model).Where(leaf => leaf.Value == value).Select(leaf => leaf.Key).Distinct().ToList();
        var shown = Config.ValueRules.Printable(value);
        if (shown.Length > MaxShownValue) shown = shown[..MaxShownValue] + "...";
        return keys.Count == 0 ? $"value \"{shown}\" " : $"{string.Join(", ", keys)} (\"{shown}\") ";
    }
}
