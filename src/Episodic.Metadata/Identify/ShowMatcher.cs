using Episodic.Core.Metadata;
using Episodic.Core.Text;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Providers;

namespace Episodic.Metadata.Identify;

/// <summary>The rules' verdict on a list of candidates.</summary>
public enum MatchVerdict
{
    /// <summary>Exactly one candidate fits: accept it.</summary>
    Clear,

    /// <summary>Several fit equally well: a model (or the provider's ranking, with lowered confidence) must choose.</summary>
    Ambiguous,

    /// <summary>None fits by name.</summary>
    None,
}

/// <summary>What <see cref="ShowMatcher.Decide"/> concluded, with the sentence that explains it.</summary>
public sealed record MatchDecision(MatchVerdict Verdict, IReadOnlyList<ShowCandidateInfo> Plausible, MatchedBy? By, string Reason);

/// <summary>
/// The deterministic show-matching rules. A candidate fits when its name, original name or one of its alternative
/// titles equals the query (folded words, leading "The" and a trailing "(2005)"/"(US)" ignored). A year in the
/// filename keeps only candidates that first aired that year; a country suffix keeps only that country's version.
/// One survivor is a clear match; several are ambiguous; the hints narrow but never empty the set.
/// </summary>
public static class ShowMatcher
{
    public static MatchDecision Decide(ShowQuery query, IReadOnlyList<ShowCandidateInfo> candidates)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(candidates);
        var fits = candidates.Select(c => (Candidate: c, By: HowFits(query, c))).Where(x => x.By is not null).ToList();
        if (fits.Count == 0)
        {
            return new MatchDecision(MatchVerdict.None, [], null, $"no candidate's name, original name or alternative title is '{query.SearchText}'");
        }

        var hints = new List<string>();
        if (query.Year is { } year)
        {
            var sameYear = fits.Where(f => f.Candidate.Year == year).ToList();
            if (sameYear.Count > 0)
            {
                fits = sameYear;
                hints.Add($"first aired {year}");
            }
        }

        if (query.Country is { } country)
        {
            var sameCountry = fits.Where(f => string.Equals(f.Candidate.Country, country, StringComparison.OrdinalIgnoreCase)
                || TitleWords.Of(f.Candidate.Name).LastOrDefault() == country.ToLowerInvariant()).ToList();
            if (sameCountry.Count > 0)
            {
                fits = sameCountry;
                hints.Add($"from {country}");
            }
        }

        if (fits.Count == 1)
        {
            var (c, by) = fits[0];
            var how = by switch
            {
                MatchedBy.OriginalName => $"original name '{c.OriginalName}'",
                MatchedBy.AlternativeTitle => "alternative title",
                _ => "name",
            };
            var hint = hints.Count > 0 ? ", " + string.Join(", ", hints) : "";
            return new MatchDecision(MatchVerdict.Clear, [c], by, $"the only candidate whose {how} matches '{query.SearchText}'{hint}: {Describe(c)}");
        }

        return new MatchDecision(
            MatchVerdict.Ambiguous,
            [.. fits.Select(f => f.Candidate)],
            null,
            $"{fits.Count} shows match '{query.SearchText}': {string.Join("; ", fits.Take(5).Select(f => Describe(f.Candidate)))}");
    }

    /// <summary>Confidence of a rule match by the way it matched.</summary>
    public static double ConfidenceOf(MatchedBy by) => by switch
    {
        MatchedBy.Alias => 1.0,
        MatchedBy.Name or MatchedBy.OriginalName => 0.95,
        MatchedBy.AlternativeTitle => 0.9,
        MatchedBy.MostLikely => MetadataDefaults.MostLikelyConfidence,
        _ => 0.8,
    };

    /// <summary>"Doctor Who (2005, GB) tmdb:57243".</summary>
    public static string Describe(ShowCandidateInfo c)
    {
        var details = string.Join(", ", new[] { c.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Country }.OfType<string>());
        return details.Length > 0 ? $"{c.Name} ({details}) {c.Id}" : $"{c.Name} {c.Id}";
    }

    private static MatchedBy? HowFits(ShowQuery query, ShowCandidateInfo c)
    {
        if (query.Key.Length == 0)
        {
            return null;
        }

        if (ShowQuery.CandidateKey(c.Name) == query.Key || TitleWords.Key(c.Name) == query.Key)
        {
            return MatchedBy.Name;
        }

        if (c.OriginalName is { Length: > 0 } original && ShowQuery.CandidateKey(original) == query.Key)
        {
            return MatchedBy.OriginalName;
        }

        return c.AlternativeTitles.Any(t => ShowQuery.CandidateKey(t) == query.Key) ? MatchedBy.AlternativeTitle : null;
    }
}
