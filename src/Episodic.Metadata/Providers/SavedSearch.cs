using System.Text.Json;
using Episodic.Core.Metadata;
using Episodic.Metadata.Wire;

namespace Episodic.Metadata.Providers;

/// <summary>
/// A search answer saved as the provider's API sent it (<c>curl .../3/search/tv?query=... &gt; results.json</c>):
/// TMDB's <c>search/tv</c> page or TVmaze's <c>search/shows</c> list, read into the candidates a live search gives,
/// through the same wire contracts and the same mapping, so a saved answer and a fresh one cannot disagree.
/// </summary>
public static class SavedSearch
{
    /// <summary>
    /// Which provider's search answer <paramref name="root"/> is: an object with a <c>results</c> array (TMDB's paged
    /// wrapper) or an array of <c>{score, show}</c> hits (TVmaze); null for anything else.
    /// </summary>
    public static MetadataProvider? Recognise(JsonElement root) => root.ValueKind switch
    {
        JsonValueKind.Object when root.TryGetProperty("results", out var results) && results.ValueKind == JsonValueKind.Array => MetadataProvider.Tmdb,
        JsonValueKind.Array when root.GetArrayLength() > 0 && root[0] is { ValueKind: JsonValueKind.Object } first
            && first.TryGetProperty("show", out var show) && show.ValueKind == JsonValueKind.Object && first.TryGetProperty("score", out _) => MetadataProvider.Tvmaze,
        _ => null,
    };

    /// <summary>The candidates in <paramref name="json"/>, a search answer of <paramref name="provider"/>, in the provider's ranking.</summary>
    /// <exception cref="JsonException">A field of the wrong kind; the message names the provider, the answer and the field's path.</exception>
    public static IReadOnlyList<ShowCandidateInfo> Read(string json, MetadataProvider provider)
    {
        try
        {
            return provider == MetadataProvider.Tmdb
                ? TmdbProvider.Candidates(JsonSerializer.Deserialize(json, TmdbJsonContext.Default.TmdbSearchPage))
                : TvmazeProvider.Candidates(JsonSerializer.Deserialize(json, TvmazeJsonContext.Default.ListTvmazeSearchHit) ?? []);
        }
        catch (JsonException ex)
        {
            var answer = provider == MetadataProvider.Tmdb ? "TMDB search/tv" : "TVmaze search/shows";
            throw new JsonException($"as a {answer} answer, {ex.Path ?? "the document"} is not of the kind that API sends", ex.Path, ex.LineNumber, ex.BytePositionInLine, ex);
        }
    }
}
