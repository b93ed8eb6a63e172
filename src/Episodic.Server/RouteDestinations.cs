using Episodic.Core.Model;
using Episodic.Routing.Library;
using Episodic.Routing.Planning;

namespace Episodic.Server;

/// <summary>
/// Where a parsed name goes, for /route/plan: <see cref="RoutePlanner.Destination"/> (pure, no file access) and a
/// human reason for the decision.
/// </summary>
internal static class RouteDestinations
{
    /// <summary>The target for one name, or null with the reason it is skipped.</summary>
    public static (RouteTarget? Target, string Reason) Plan(EpisodeParse parse, string sourceFileName, RoutingOptions options, ShowFolderIndex existingShowFolders)
    {
        if (RoutePlanner.SkipReason(parse, options) is { } skip)
        {
            return (null, skip);
        }

        var target = RoutePlanner.Destination(parse, sourceFileName, options, existingShowFolders);
        if (target is null)
        {
            return (null, "no destination could be planned for this name");
        }

        var layout = target.Layout switch
        {
            RouteLayout.Absolute => "absolute-numbered",
            RouteLayout.Daily => "daily",
            _ => parse.Special || parse.Season == 0 ? "special (Season 00)" : "season/episode",
        };
        var folder = target.NewShowFolder ? $"new show folder '{target.ShowFolder}'" : $"existing show folder '{target.ShowFolder}'";
        return (target, $"{layout} layout, {folder}{(target.Anime ? ", anime library" : "")}");
    }
}
