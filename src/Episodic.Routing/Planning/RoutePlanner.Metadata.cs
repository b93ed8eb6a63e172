using System.Globalization;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Routing.Library;

namespace Episodic.Routing.Planning;

/// <summary>
/// Routing with a metadata provider: the provider's canonical name, year and numbering replace what the name says,
/// existing folders are found through every name the show goes by, and anything uncertain is skipped rather than
/// guessed. A show the provider does not know falls back to filing by the name (unless required); a provider that
/// could not answer at all holds the name (<see cref="MetadataFallback.Hold"/>) unless the fallback is the name.
/// </summary>
public static partial class RoutePlanner
{
    private static readonly Dictionary<string, string> FolderCountries = new(StringComparer.OrdinalIgnoreCase) { ["US"] = "US", ["GB"] = "UK", ["AU"] = "AU", ["NZ"] = "NZ", ["CA"] = "CA" };

    /// <summary>Why an identification stops a file from being filed, or null when it may go on (identified, or falling back).</summary>
    public static string? MetadataSkipReason(Identification metadata, RoutingOptions options) => MetadataHold(metadata, options)?.Detail;

    /// <summary>As <see cref="MetadataSkipReason"/>, typed: the reason a person settling the file needs.</summary>
    public static RouteHold? MetadataHold(Identification metadata, RoutingOptions options)
    {
        ArgumentNullException.ThrowIfNull(metadata);
        ArgumentNullException.ThrowIfNull(options);
        return metadata.Status switch
        {
            IdentifyStatus.Identified when metadata.Confidence < options.MinConfidence =>
                new(HoldReason.ShowAmbiguous, string.Create(CultureInfo.InvariantCulture, $"show match confidence {metadata.Confidence:0.00} is below the floor {options.MinConfidence:0.00}: {metadata.Reason}")),
            IdentifyStatus.Identified or IdentifyStatus.NotAnEpisode => null,
            IdentifyStatus.EpisodeUnknown => new(HoldReason.EpisodeUnknown, $"not filed: {metadata.Reason}"),
            IdentifyStatus.Ambiguous => new(HoldReason.ShowAmbiguous, $"not filed, the show is uncertain: {metadata.Reason}"),
            IdentifyStatus.ProviderUnavailable when !options.MetadataRequired && options.MetadataFallback == MetadataFallback.Hold =>
                new(HoldReason.MetadataOutage, $"held, the metadata provider could not answer: {metadata.Reason}"),
            IdentifyStatus.ShowNotFound when options.MetadataRequired => new(HoldReason.ShowNotFound, $"skipped (--metadata-required): {metadata.Reason}"),
            _ when options.MetadataRequired => new(HoldReason.MetadataUnavailable, $"skipped (--metadata-required): {metadata.Reason}"),
            _ => null,
        };
    }

    /// <summary>The parse as the provider numbers it: canonical name and year, the provider's season and episodes.</summary>
    public static EpisodeParse AsIdentified(EpisodeParse parse, Identification metadata)
    {
        ArgumentNullException.ThrowIfNull(parse);
        ArgumentNullException.ThrowIfNull(metadata);
        if (!metadata.IsIdentified || metadata.Show is not { } show || metadata.Season is not { } season)
        {
            return parse;
        }

        return parse with
        {
            ShowName = show.Name,
            Year = show.Year,
            Season = season,
            Episodes = metadata.Episodes,
            Special = season == 0,
            AirDate = parse.AirDate ?? metadata.AirDate,
        };
    }

    /// <summary>
    /// The library folder of an identified show: an existing folder named by its canonical name, original name, any
    /// alternative title, its country ("The Office (US)") or the name in the file; else a new "Name (Year)" folder.
    /// </summary>
    internal static (string Folder, bool IsNew, string How) MetadataFolder(IdentifiedShow show, string? parsedName, ShowFolderIndex folders, RoutingOptions options)
    {
        var names = new List<string> { show.Name };
        if (show.Country is { } country && FolderCountries.TryGetValue(country, out var suffix))
        {
            names.Add($"{show.Name} {suffix}");
        }

        names.AddRange(new[] { show.OriginalName, parsedName }.OfType<string>());
        names.AddRange(show.AlternativeTitles);
        foreach (var name in names.Where(n => n.Length > 0).Distinct(StringComparer.Ordinal))
        {
            if (folders.Match(name, show.Year) is { } match)
            {
                var through = name == show.Name ? "" : $" (through '{name}')";
                return (match, false, $"existing folder '{match}'{through}");
            }
        }

        var fresh = PathSanitiser.Clean(show.DisplayName, options.MaxComponentLength, ShortNameKind.Directory);
        return (fresh, true, $"new folder '{fresh}'");
    }

    /// <summary>"S02E03 'Title' of Show (2023) tvmaze:1 by alternative_title".</summary>
    private static string DescribeIdentified(Identification metadata)
    {
        var show = metadata.Show!;
        var marker = string.Create(CultureInfo.InvariantCulture, $"S{metadata.Season ?? 0:00}E{string.Join("-E", metadata.Episodes.Select(e => e.ToString("00", CultureInfo.InvariantCulture)))}");
        var title = metadata.EpisodeTitle is { Length: > 0 } t ? $" '{t}'" : "";
        return $"{marker}{title} of {show.DisplayName} {show.Id} (matched by {MetadataNames.Of(metadata.MatchedBy) ?? "?"})";
    }
}
