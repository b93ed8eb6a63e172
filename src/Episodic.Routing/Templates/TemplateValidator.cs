using Episodic.Core.Parsing;
using Episodic.Routing.Planning;

namespace Episodic.Routing.Templates;

/// <summary>
/// Every check a layout template must pass before anything is planned with it: its placeholders and shape
/// (<see cref="TemplateRenderer.Validate"/>), an extension on every file it names, then the round trip (<see cref="TemplateRoundTrip.Problems"/>: what it
/// writes must read back to the same numbers). <c>episodic route</c> and <c>POST /route/plan</c> both ask it, so a
/// template one refuses the other refuses too.
/// </summary>
public static class TemplateValidator
{
    /// <summary>
    /// Problems with the template <paramref name="options"/> uses for <paramref name="layout"/>, each starting with
    /// <paramref name="setting"/> (the flag, INI key or request field it came from); empty when it is usable.
    /// </summary>
    public static IReadOnlyList<string> Problems(RoutingOptions options, RouteLayout layout, string setting, IFilenameParser? parser = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var template = layout switch
        {
            RouteLayout.Season => options.Template,
            RouteLayout.Absolute => options.AnimeTemplate,
            _ => options.DailyTemplate,
        };
        var shape = TemplateRenderer.Validate(template);
        if (shape.Count > 0)
        {
            return [.. shape.Select(p => $"{setting}: {p}")];
        }

        var problems = new List<string>();
        if (!options.KeepOriginalName && !TemplateRenderer.Components(template)[^1].Contains("{ext}", StringComparison.Ordinal))
        {
            // With --rename keep the file keeps its own name (and extension); only the folders come from the template.
            problems.Add($"{setting}: '{template}' writes files without their extension ({{ext}} is not in the file name), and media servers skip a video without one; end it with {{ext}}, e.g. '{template}{{ext}}'");
        }

        problems.AddRange(TemplateRoundTrip.Problems(options, layout, parser ?? RuleParser.Default, setting));
        return problems;
    }
}
