using System.Text.Json;
using Episodic.Core.Metadata;

namespace Episodic.Routing.Reporting;

/// <summary>The metadata fields of a plan entry: show_id, season, episodes, episode_title, matched_by.</summary>
public static partial class RouteReport
{
    private static void WriteMetadata(Utf8JsonWriter w, Identification? metadata)
    {
        if (metadata is null)
        {
            return;
        }

        w.WriteString("metadata_status", MetadataNames.Of(metadata.Status));
        w.WriteString("show_id", metadata.Show?.Id.ToString());
        w.WriteString("canonical_show", metadata.Show?.DisplayName);
        if (metadata.Season is { } season)
        {
            w.WriteNumber("season", season);
        }
        else
        {
            w.WriteNull("season");
        }

        w.WriteStartArray("episodes");
        foreach (var e in metadata.Episodes)
        {
            w.WriteNumberValue(e);
        }

        w.WriteEndArray();
        w.WriteString("episode_title", metadata.EpisodeTitle);
        w.WriteString("matched_by", MetadataNames.Of(metadata.MatchedBy));
    }
}
