using Episodic.Core.Parsing;
using Episodic.Routing.Planning;

namespace Episodic.Routing.Templates;

/// <summary>
/// Every check a layout template must pass before anything is planned with it: its placeholders and shape
/// (<see cref="TemplateRenderer.Validate"/>), then the round trip (<see cref="TemplateRoundTrip.Problems"/>: what it
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
        return shape.Count > 0
            ? [.. shape.Select(p => $"{setting}: {p}")]
            : TemplateRoundTrip.Problems(options, layout, parser ?? RuleParser.Default, setting);
    }
}
