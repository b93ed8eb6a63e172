namespace Episodic.Routing.Planning;

/// <summary>Which naming scheme a destination was built with.</summary>
public enum RouteLayout
{
    /// <summary>Season and episode numbers (<see cref="RoutingOptions.Template"/>); specials land in Season 00.</summary>
    Season,

    /// <summary>Absolute-numbered anime (<see cref="RoutingOptions.AnimeTemplate"/>).</summary>
    Absolute,

    /// <summary>Daily shows by air date (<see cref="RoutingOptions.DailyTemplate"/>).</summary>
    Daily,
}

/// <summary>
/// Where one episode belongs: the library root it goes under, the show folder (existing or new) and the path
/// below the root. <see cref="RelativePath"/> always uses '/' so it reads the same from every OS and over HTTP.
/// </summary>
public sealed record RouteTarget(string Root, string ShowFolder, string RelativePath, RouteLayout Layout, bool Anime, bool NewShowFolder)
{
    /// <summary>The absolute destination path on this machine.</summary>
    public string FullPath => Path.Join(Root, RelativePath.Replace('/', Path.DirectorySeparatorChar));
}
