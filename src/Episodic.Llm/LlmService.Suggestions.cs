using System.Text.Json;
using Episodic.Core.Naming;
using Episodic.Core.Parsing;
using Episodic.Llm.Answers;
using Episodic.Llm.Prompting;
using Episodic.Llm.Validation;

namespace Episodic.Llm;

/// <summary>Show matching and short names: the model proposes, the service keeps the promises.</summary>
public sealed partial class LlmService
{
    public async Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default)
    {
        if (candidates.Count == 0)
        {
            return new ShowSuggestion(ShowSuggestion.NoMatch, null, 1.0, "There were no candidates to choose from.");
        }

        var template = _prompts[PromptLibrary.SuggestShowName];
        var options = Options(300, AnswerSchemas.SuggestShow, "show_match");
        var candidatesJson = JsonSerializer.Serialize(
            [.. candidates.Select(c => new PromptCandidate(c.Id, c.Name, c.OriginalName, c.FirstAirDate, c.Overview is { Length: > 300 } o ? o[..300] : c.Overview, c.AlternativeTitles))],
            PromptJson.Default.ListPromptCandidate);
        var values = new Dictionary<string, string> { ["show_json"] = JsonSerializer.Serialize(showName, PromptJson.Default.String), ["candidates_json"] = candidatesJson };
        var (suggestion, feedback) = await AskAsync<ShowSuggestion>(template, values, options, json => JudgeShow(json, candidates), cancellationToken).ConfigureAwait(false);
        if (suggestion is not null)
        {
            return suggestion;
        }

        return ExactMatch(showName, candidates, feedback);
    }

    public async Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var sanitised = NameShortener.Sanitise(longName);
        if (sanitised.Length <= maxLength)
        {
            return sanitised;
        }

        var template = _prompts[PromptLibrary.SuggestShortName];
        var options = Options(200, AnswerSchemas.ShortName, "short_name");
        var values = new Dictionary<string, string>
        {
            ["kind"] = kind == ShortNameKind.File ? "file" : "folder",
            ["max_length"] = maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["name_json"] = JsonSerializer.Serialize(longName, PromptJson.Default.String),
        };
        var (shortName, _) = await AskAsync<string>(template, values, options, json =>
        {
            var candidate = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()?.Trim() ?? "" : "";
            var problem = ShortNameProblem(candidate, longName, maxLength, kind);
            return problem is null ? (candidate, null) : (null, problem);
        }, cancellationToken).ConfigureAwait(false);
        if (shortName is not null)
        {
            return shortName;
        }

        return NameShortener.Shorten(longName, maxLength, kind);
    }

    /// <summary>The model chooses a candidate by id (or -1); the candidate's own primary name is the answer.</summary>
    private static (ShowSuggestion? Result, string? Problem) JudgeShow(JsonElement json, IReadOnlyList<ShowCandidate> candidates)
    {
        if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("id", out var idElement) || !idElement.TryGetInt32(out var id))
        {
            return (null, "the answer needs an integer id");
        }

        var confidence = json.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? Math.Clamp(c.GetDouble(), 0, 1) : 0.5;
        var reasoning = json.TryGetProperty("reasoning", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "";
        if (id == ShowSuggestion.NoMatch)
        {
            return (new ShowSuggestion(ShowSuggestion.NoMatch, null, confidence, reasoning), null);
        }

        return candidates.FirstOrDefault(x => x.Id == id) is { } chosen
            ? (new ShowSuggestion(chosen.Id, chosen.Name, confidence, reasoning), null)
            : (null, $"id {id} is not one of the candidates' ids; answer with a candidate id or -1");
    }

    /// <summary>Why a proposed short name is unusable, or null when it is fine.</summary>
    internal static string? ShortNameProblem(string candidate, string longName, int maxLength, ShortNameKind kind)
    {
        if (candidate.Length == 0 || candidate.Length > maxLength)
        {
            return $"the name must be 1 to {maxLength} characters; it was {candidate.Length}";
        }

        if (!NameShortener.IsLegal(candidate))
        {
            return "the name holds characters that are not valid in file names, or ends in a dot or space";
        }

        if (kind == ShortNameKind.File)
        {
            var ext = Path.GetExtension(longName);
            if (!candidate.EndsWith(ext, StringComparison.OrdinalIgnoreCase))
            {
                return $"a file name must keep its extension {ext}";
            }

            if (NameShortener.MarkerOf(longName) is { } marker && !string.Equals(NameShortener.MarkerOf(candidate), marker, StringComparison.Ordinal))
            {
                return $"a file name must keep its episode marker {marker}";
            }

            if (!NameShortener.KeepsEpisode(longName, candidate, RuleParser.Default))
            {
                return "a file name must keep its season and episode numbers (or air date) exactly as the original has them";
            }
        }

        return null;
    }

    private static ShowSuggestion ExactMatch(string showName, IReadOnlyList<ShowCandidate> candidates, string why)
    {
        var key = TitleGrounding.Fold(showName);
        foreach (var c in candidates)
        {
            var names = new[] { c.Name, c.OriginalName }.Concat(c.AlternativeTitles ?? []).Where(n => n is not null);
            if (names.Any(n => TitleGrounding.Fold(n!) == key))
            {
                return new ShowSuggestion(c.Id, c.Name, 0.6, $"The model's answer was unusable ({why}); chose the candidate whose name matches exactly.");
            }
        }

        return new ShowSuggestion(ShowSuggestion.NoMatch, null, 0.3, $"The model's answer was unusable ({why}) and no candidate name matches exactly.");
    }
}
