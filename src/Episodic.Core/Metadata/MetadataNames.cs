namespace Episodic.Core.Metadata;

/// <summary>The snake_case names of metadata enums in every JSON output (identify, route plans, the server).</summary>
public static class MetadataNames
{
    /// <summary>identified, not_an_episode, show_not_found, ambiguous, episode_unknown, provider_unavailable.</summary>
    public static string Of(IdentifyStatus status) => status switch
    {
        IdentifyStatus.Identified => "identified",
        IdentifyStatus.NotAnEpisode => "not_an_episode",
        IdentifyStatus.ShowNotFound => "show_not_found",
        IdentifyStatus.Ambiguous => "ambiguous",
        IdentifyStatus.EpisodeUnknown => "episode_unknown",
        _ => "provider_unavailable",
    };

    /// <summary>alias, name, original_name, alternative_title, model, most_likely; null stays null.</summary>
    public static string? Of(MatchedBy? by) => by switch
    {
        null => null,
        MatchedBy.Alias => "alias",
        MatchedBy.Name => "name",
        MatchedBy.OriginalName => "original_name",
        MatchedBy.AlternativeTitle => "alternative_title",
        MatchedBy.Model => "model",
        _ => "most_likely",
    };
}
