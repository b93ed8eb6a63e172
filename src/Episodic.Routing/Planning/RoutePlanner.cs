using System.Globalization;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Routing.Library;
using Episodic.Routing.Templates;

namespace Episodic.Routing.Planning;

/// <summary>
/// Decides where each episode belongs. <see cref="Destination"/> is pure (no file access) so the HTTP server can plan
/// for bare names; <see cref="PlanAsync(IEnumerable{string}, RoutingOptions, Func{IReadOnlyList{string}, CancellationToken, Task{IReadOnlyList{EpisodeParse}}}, INamingAdvisor?, Microsoft.Extensions.Logging.ILogger?, CancellationToken)"/>
/// scans the sources, lists the library's show folders and plans every file. Planning never writes.
/// </summary>
public static partial class RoutePlanner
{
    private static readonly HashSet<string> Countries = new(StringComparer.OrdinalIgnoreCase) { "us", "usa", "uk", "au", "nz", "ca" };

    /// <summary>
    /// The destination of one parsed file, or null when it must be skipped (<see cref="SkipReason"/> says why).
    /// <paramref name="existingShowFolders"/> are the folder names in the root the file goes to (anime or TV).
    /// </summary>
    public static RouteTarget? Destination(EpisodeParse parse, string sourceFileName, RoutingOptions options, IReadOnlyCollection<string> existingShowFolders) =>
        Destination(parse, sourceFileName, options, new ShowFolderIndex(existingShowFolders ?? throw new ArgumentNullException(nameof(existingShowFolders))));

    /// <summary>As above, against an index built once for many names (the HTTP server's /route/plan).</summary>
    public static RouteTarget? Destination(EpisodeParse parse, string sourceFileName, RoutingOptions options, ShowFolderIndex existingShowFolders)
    {
        ArgumentNullException.ThrowIfNull(existingShowFolders);
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        if (SkipReason(parse, options) is not null)
        {
            return null;
        }

        var match = existingShowFolders.Match(parse.ShowName!, parse.Year);
        return Build(parse, sourceFileName, options, match ?? PathSanitiser.Clean(NewFolderName(parse), options.MaxComponentLength, ShortNameKind.Directory), match is null);
    }

    /// <summary>Why a parse is not routed (not an episode, no show, below the confidence floor), or null.</summary>
    public static string? SkipReason(EpisodeParse parse, RoutingOptions options) => Hold(parse, options)?.Detail;

    /// <summary>Why a parse is not routed, typed (<see cref="HoldReason"/>) with its sentence; null when it may be filed.</summary>
    public static RouteHold? Hold(EpisodeParse parse, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(options);
        if (!parse.IsEpisode)
        {
            return new(HoldReason.NotAnEpisode, $"not an episode: {parse.Reasoning}");
        }

        if (parse.Episodes.Count == 0 && parse.AbsoluteEpisodes.Count == 0 && parse.AirDate is null)
        {
            return new(HoldReason.NoEpisodeNumbers, "a season pack without episode numbers: route its episode files instead");
        }

        if (string.IsNullOrWhiteSpace(parse.ShowName))
        {
            return new(HoldReason.NoShowName, "no show name could be read");
        }

        if (parse.Confidence < options.MinConfidence)
        {
            return new(HoldReason.LowConfidence, string.Create(CultureInfo.InvariantCulture, $"confidence {parse.Confidence:0.00} is below the floor {options.MinConfidence:0.00}"));
        }

        return null;
    }

    /// <summary>Anime goes to the anime root: absolute-numbered without a season, or fansub-tagged ("[Group] ... [CRC32]").</summary>
    public static bool IsAnime(EpisodeParse parse, string sourceFileName)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var absolute = parse.AbsoluteEpisodes.Count > 0 && parse.Season is null && parse.AirDate is null;
        var fansub = parse.ReleaseGroup is not null && parse.Crc32 is not null && Path.GetFileName(sourceFileName).StartsWith('[');
        return absolute || fansub;
    }

    /// <summary>Which template a parse is filed by.</summary>
    public static RouteLayout LayoutOf(EpisodeParse parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (parse.AirDate is not null && parse.Episodes.Count == 0 && parse.Season is null)
        {
            return RouteLayout.Daily;
        }

        return parse.Season is not null || (parse.Special && parse.Episodes.Count > 0) ? RouteLayout.Season : RouteLayout.Absolute;
    }

    /// <summary>The folder name for a show the library does not have yet: its name (title-cased when all lower case), "(US)" style country and "(year)".</summary>
    public static string NewFolderName(EpisodeParse parse)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var words = (parse.ShowName ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (!words.Any(w => w.Any(char.IsUpper)))
        {
            words = words.Select(w => char.ToUpperInvariant(w[0]) + w[1..]).ToList();
        }

        if (words.Count > 1 && Countries.Contains(words[^1]))
        {
            words[^1] = "(" + words[^1].ToUpperInvariant() + ")";
        }

        var name = string.Join(' ', words);
        return parse.Year is { } year && !name.Contains(year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            ? string.Create(CultureInfo.InvariantCulture, $"{name} ({year})")
            : name;
    }

    /// <summary>Renders the layout for a decided show folder; every component is cleaned and fitted to the length limit.</summary>
    internal static RouteTarget Build(EpisodeParse parse, string sourceFileName, RoutingOptions options, string showFolder, bool newShowFolder, Identification? metadata = null)
    {
        var anime = IsAnime(parse, sourceFileName);
        var root = anime ? options.AnimeRoot ?? options.LibraryRoot : options.LibraryRoot;
        var layout = LayoutOf(parse);
        var template = layout switch
        {
            RouteLayout.Daily => options.DailyTemplate,
            RouteLayout.Absolute => options.AnimeTemplate,
            _ => metadata is { IsIdentified: true } && options.Template == RoutingOptions.DefaultTemplate ? RoutingOptions.DefaultMetadataTemplate : options.Template,
        };
        var components = TemplateRenderer.Components(template);
        var fileName = Path.GetFileName(sourceFileName);
        if (options.KeepOriginalName)
        {
            components[^1] = "{original}{ext}";
        }

        var values = new TemplateRenderer.Values(showFolder, parse, Path.GetExtension(fileName), Path.GetFileNameWithoutExtension(fileName)) { Metadata = metadata };
        var parts = new List<string>(components.Length);
        for (var i = 0; i < components.Length; i++)
        {
            var kind = i == components.Length - 1 ? ShortNameKind.File : ShortNameKind.Directory;
            var part = components[i] == "{show}" ? showFolder : RenderFitting(components[i], values, options.MaxComponentLength, kind);
            if (part.Length > 0)
            {
                parts.Add(part);
            }
        }

        return new RouteTarget(root, showFolder, string.Join('/', parts), layout, anime, newShowFolder);
    }

    /// <summary>When a component is too long, the show name inside it gives way first, so numbers and the extension survive.</summary>
    private static string RenderFitting(string component, TemplateRenderer.Values values, int max, ShortNameKind kind)
    {
        var rendered = TemplateRenderer.Render(component, values);
        if (!PathSanitiser.Fits(rendered, max) && component.Contains("{show}", StringComparison.Ordinal))
        {
            var over = System.Text.Encoding.UTF8.GetByteCount(rendered) - max;
            var room = System.Text.Encoding.UTF8.GetByteCount(values.Show) - over;
            if (room >= 1)
            {
                rendered = TemplateRenderer.Render(component, values with { Show = PathSanitiser.Shorten(values.Show, room, ShortNameKind.Directory) });
            }
        }

        return string.IsNullOrWhiteSpace(rendered) ? "" : PathSanitiser.Clean(rendered, max, kind);
    }
}
