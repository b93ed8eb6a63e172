using System.Collections.Concurrent;
using Episodic.Core.Metadata;
using Episodic.Core.Model;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Http;
using Episodic.Metadata.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Episodic.Metadata.Identify;

/// <summary>
/// parse → show → episode. Rules first (aliases, then names, original names and alternative titles narrowed by year
/// and country); the picker (a model) only for real ambiguity; without one the provider's best-ranked candidate with
/// lowered confidence. Shows, details and seasons are remembered for the run, so a season of files costs one search.
/// A provider that refuses the key or is down is warned about once and not asked again in this run.
/// </summary>
public sealed class EpisodeIdentifier(IMetadataProvider provider, MetadataSettings settings, IShowPicker? picker = null, ILogger? logger = null) : IEpisodeIdentifier
{
    private const int MaxAlternativeTitleLookups = 3;
    private const int MaxPickerCandidates = 8;

    private readonly ConcurrentDictionary<string, Task<ShowResolution>> _shows = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<int, Task<ShowRecord?>> _records = new();
    private readonly NumberingReader _numbering = new(provider);
    private readonly ILogger _logger = logger ?? NullLogger.Instance;
    private MetadataProviderException? _disabled;
    private int _pickerWarned;

    public MetadataProvider Provider => provider.Kind;

    /// <summary>The provider's network requests so far (cache hits excluded).</summary>
    public int NetworkRequests => provider.NetworkRequests;

    public async Task<Identification> IdentifyAsync(EpisodeParse parse, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (!parse.IsEpisode || string.IsNullOrWhiteSpace(parse.ShowName))
        {
            return new Identification(IdentifyStatus.NotAnEpisode, string.IsNullOrWhiteSpace(parse.ShowName) ? "no show name could be read" : $"not an episode: {parse.Reasoning}");
        }

        if (parse.Episodes.Count == 0 && parse.AbsoluteEpisodes.Count == 0 && parse.AirDate is null)
        {
            return new Identification(IdentifyStatus.NotAnEpisode, "a season pack without episode numbers: identify its episode files instead");
        }

        if (Volatile.Read(ref _disabled) is { } down)
        {
            return new Identification(IdentifyStatus.ProviderUnavailable, down.Message);
        }

        try
        {
            var query = ShowQuery.From(parse.ShowName, parse.Year);
            var memoKey = $"{query.Key}|{query.Year}|{query.Country}|{AliasTable.KeyOf(parse.ShowName)}";
            var resolution = await _shows.GetOrAdd(memoKey, _ => ResolveAsync(parse.ShowName, query, cancellationToken)).ConfigureAwait(false);
            if (resolution.Record is not { } record || resolution.Status != IdentifyStatus.Identified)
            {
                return new Identification(resolution.Status, resolution.Reason)
                {
                    Show = resolution.Record?.Show,
                    MatchedBy = resolution.By,
                    Confidence = resolution.Confidence,
                    Candidates = resolution.Candidates,
                };
            }

            var numbering = await _numbering.NumberAsync(parse, record, cancellationToken).ConfigureAwait(false);
            return numbering with
            {
                Reason = $"{resolution.Reason}; {numbering.Reason}",
                Show = record.Show,
                MatchedBy = resolution.By,
                Confidence = resolution.Confidence,
            };
        }
        catch (MetadataProviderException ex)
        {
            if (ex.DisablesProvider && Interlocked.CompareExchange(ref _disabled, ex, null) is null)
            {
                MetadataLog.ProviderGivenUp(_logger, ex.Message, ShowId.NameOf(provider.Kind));
            }

            Forget();
            return new Identification(IdentifyStatus.ProviderUnavailable, ex.Message);
        }
    }

    /// <summary>The episode within a show chosen by a person: that show's record and numbering, no search.</summary>
    public async Task<Identification> IdentifyAsAsync(EpisodeParse parse, ShowId show, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parse);
        if (show.Provider != provider.Kind)
        {
            return new Identification(IdentifyStatus.ShowNotFound, $"{show} is a {ShowId.NameOf(show.Provider)} id, but the provider in use is {ShowId.NameOf(provider.Kind)}");
        }

        if (!parse.IsEpisode || (parse.Episodes.Count == 0 && parse.AbsoluteEpisodes.Count == 0 && parse.AirDate is null))
        {
            return new Identification(IdentifyStatus.NotAnEpisode, "no episode number or air date to look up in the chosen show");
        }

        if (Volatile.Read(ref _disabled) is { } down)
        {
            return new Identification(IdentifyStatus.ProviderUnavailable, down.Message);
        }

        try
        {
            if (await RecordAsync(show.Id, cancellationToken).ConfigureAwait(false) is not { } record)
            {
                return new Identification(IdentifyStatus.ShowNotFound, $"{ShowId.NameOf(provider.Kind)} does not know {show}");
            }

            var numbering = await _numbering.NumberAsync(parse, record, cancellationToken).ConfigureAwait(false);
            return numbering with
            {
                Reason = $"chosen by hand: {record.Show.DisplayName} ({show}); {numbering.Reason}",
                Show = record.Show,
                MatchedBy = MatchedBy.Alias,
                Confidence = 1.0,
            };
        }
        catch (MetadataProviderException ex)
        {
            Forget();
            return new Identification(IdentifyStatus.ProviderUnavailable, ex.Message);
        }
    }

    /// <summary>Drops failed lookups from the memo so a later file may try again (an offline miss is not a verdict).</summary>
    private void Forget()
    {
        foreach (var (key, task) in _shows)
        {
            if (task.IsFaulted)
            {
                _shows.TryRemove(key, out _);
            }
        }

        foreach (var (key, task) in _records)
        {
            if (task.IsFaulted)
            {
                _records.TryRemove(key, out _);
            }
        }
    }

    private async Task<ShowResolution> ResolveAsync(string showName, ShowQuery query, CancellationToken cancellationToken)
    {
        var name = ShowId.NameOf(provider.Kind);
        if ((settings.Aliases.Find(showName, provider.Kind) ?? settings.Aliases.Find(query.SearchText, provider.Kind)) is { } alias)
        {
            var aliased = await RecordAsync(alias.Id, cancellationToken).ConfigureAwait(false);
            return aliased is null
                ? new ShowResolution(null, IdentifyStatus.ShowNotFound, null, 0, $"[aliases] maps '{showName}' to {alias}, which {name} does not know")
                : new ShowResolution(aliased, IdentifyStatus.Identified, MatchedBy.Alias, 1.0, $"[aliases] maps '{showName}' to {alias}: {aliased.Show.DisplayName}");
        }

        var candidates = await provider.SearchAsync(query.SearchText, query.Year, cancellationToken).ConfigureAwait(false);
        if (candidates.Count == 0 && query.Year is not null)
        {
            candidates = await provider.SearchAsync(query.SearchText, null, cancellationToken).ConfigureAwait(false);
        }

        if (candidates.Count == 0)
        {
            return new ShowResolution(null, IdentifyStatus.ShowNotFound, null, 0, $"{name} found no show for '{query.SearchText}'");
        }

        var decision = ShowMatcher.Decide(query, candidates);
        if (decision.Verdict == MatchVerdict.None)
        {
            candidates = await WithAlternativeTitlesAsync(candidates, cancellationToken).ConfigureAwait(false);
            decision = ShowMatcher.Decide(query, candidates);
        }

        switch (decision.Verdict)
        {
            case MatchVerdict.Clear:
                return await AcceptAsync(decision.Plausible[0], decision.By!.Value, ShowMatcher.ConfidenceOf(decision.By.Value), decision.Reason, cancellationToken).ConfigureAwait(false);
            case MatchVerdict.Ambiguous:
                return await ChooseAsync(query, decision.Plausible, decision.Reason, fallBackToMostLikely: true, cancellationToken).ConfigureAwait(false);
            default:
                return await ChooseAsync(query, [.. candidates.Take(MaxPickerCandidates / 2)], decision.Reason, fallBackToMostLikely: false, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Several plausible shows (or none by name): the picker decides; without one, the best-ranked with lowered confidence.</summary>
    private async Task<ShowResolution> ChooseAsync(ShowQuery query, IReadOnlyList<ShowCandidateInfo> plausible, string why, bool fallBackToMostLikely, CancellationToken cancellationToken)
    {
        var offered = plausible.Take(MaxPickerCandidates).ToList();
        if (picker is not null)
        {
            try
            {
                var pick = await picker.PickAsync(query.SearchText, offered, cancellationToken).ConfigureAwait(false);
                if (pick is not null && offered.Contains(pick.Candidate))
                {
                    var confidence = Math.Min(pick.Confidence, fallBackToMostLikely ? 0.9 : 0.8);
                    var reason = $"{why}; {picker.Name} chose {ShowMatcher.Describe(pick.Candidate)}{(pick.Reasoning.Length > 0 ? $" ({pick.Reasoning})" : "")}";
                    return await AcceptAsync(pick.Candidate, MatchedBy.Model, confidence, reason, cancellationToken).ConfigureAwait(false);
                }

                return new ShowResolution(null, fallBackToMostLikely ? IdentifyStatus.Ambiguous : IdentifyStatus.ShowNotFound, null, 0, $"{why}; {picker.Name} found none of them fits") { Candidates = AsShows(offered) };
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
            {
                if (Interlocked.Exchange(ref _pickerWarned, 1) == 0)
                {
                    MetadataLog.PickerFailed(_logger, picker.Name, ex.Message);
                }
            }
        }

        if (!fallBackToMostLikely || offered.Count == 0)
        {
            return new ShowResolution(null, IdentifyStatus.ShowNotFound, null, 0, why) { Candidates = AsShows(offered) };
        }

        var best = offered[0];
        var mostLikely = await AcceptAsync(best, MatchedBy.MostLikely, MetadataDefaults.MostLikelyConfidence, $"{why}; no model to choose, so the best-ranked one is taken with lowered confidence", cancellationToken).ConfigureAwait(false);
        return mostLikely with { Candidates = AsShows(offered) };
    }

    private async Task<ShowResolution> AcceptAsync(ShowCandidateInfo candidate, MatchedBy by, double confidence, string reason, CancellationToken cancellationToken)
    {
        var record = await RecordAsync(candidate.Id.Id, cancellationToken).ConfigureAwait(false) ?? candidate.Record;
        if (record is null)
        {
            return new ShowResolution(null, IdentifyStatus.ShowNotFound, by, 0, $"{reason}; but {candidate.Id} has no details");
        }

        var status = confidence >= settings.MinConfidence ? IdentifyStatus.Identified : IdentifyStatus.Ambiguous;
        var tail = status == IdentifyStatus.Ambiguous
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $" (confidence {confidence:0.00} is below {settings.MinConfidence:0.00}: not filed)")
            : "";
        return new ShowResolution(record, status, by, confidence, reason + tail);
    }

    private Task<ShowRecord?> RecordAsync(int id, CancellationToken cancellationToken) =>
        _records.GetOrAdd(id, i => provider.ShowAsync(i, cancellationToken));

    /// <summary>
    /// Adds alternative titles to the best-ranked candidates that have none, from the show details (one request each,
    /// cached, and the same request that accepting the show needs anyway).
    /// </summary>
    private async Task<IReadOnlyList<ShowCandidateInfo>> WithAlternativeTitlesAsync(IReadOnlyList<ShowCandidateInfo> candidates, CancellationToken cancellationToken)
    {
        var result = new List<ShowCandidateInfo>(candidates.Count);
        for (var i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (i < MaxAlternativeTitleLookups && c.AlternativeTitles.Count == 0)
            {
                if (await RecordAsync(c.Id.Id, cancellationToken).ConfigureAwait(false) is { } record)
                {
                    c = c with { AlternativeTitles = record.Show.AlternativeTitles, OriginalName = c.OriginalName ?? record.Show.OriginalName };
                }
            }

            result.Add(c);
        }

        return result;
    }

    /// <summary>The candidates as shows, for a person to choose from (review); ids keep their provider.</summary>
    private static List<IdentifiedShow> AsShows(IEnumerable<ShowCandidateInfo> candidates) =>
    [
        .. candidates.Select(c => new IdentifiedShow(c.Id, c.Name, c.Year)
        {
            OriginalName = c.OriginalName,
            Country = c.Country,
            AlternativeTitles = c.AlternativeTitles,
            TmdbId = c.Id.Provider == MetadataProvider.Tmdb ? c.Id.Id : null,
            TvmazeId = c.Id.Provider == MetadataProvider.Tvmaze ? c.Id.Id : null,
        }),
    ];

    /// <summary>The show-level outcome, memoised per query.</summary>
    private sealed record ShowResolution(ShowRecord? Record, IdentifyStatus Status, MatchedBy? By, double Confidence, string Reason)
    {
        /// <summary>The shows that fitted when none was chosen.</summary>
        public IReadOnlyList<IdentifiedShow> Candidates { get; init; } = [];
    }
}
