using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm.Answers;
using Episodic.Llm.Naming;
using Episodic.Llm.Prompting;
using Episodic.Llm.Validation;
using Microsoft.Extensions.AI;

namespace Episodic.Llm;

/// <summary>
/// <see cref="ILlmService"/> over any <see cref="IChatClient"/> (Ollama, OpenAI, Anthropic, a fake). Sends a system
/// prompt and a user prompt with the filename as a quoted JSON string, asks for schema-constrained JSON, validates and
/// grounds the answer, retries once with the errors fed back, and otherwise keeps the rule parser's reading.
/// Provider failures (<see cref="Providers.LlmBackendException"/>) propagate so the pipeline can retry or fall through.
/// </summary>
public sealed class LlmService(IChatClient chat, string name, IFilenameParser rules, PromptLibrary? prompts = null, float temperature = 0.1f) : ILlmService
{
    private const int Attempts = 2;
    private readonly PromptLibrary _prompts = prompts ?? PromptLibrary.Embedded;

    public string Name { get; } = name;

    public async Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        var fallback = rules.Parse(filename);
        var template = _prompts[PromptLibrary.ParseFilename];
        var options = Options(maxTokens, AnswerSchemas.Parse, "episode_parse");
        var feedback = "";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var user = template.RenderUser(new Dictionary<string, string>
            {
                ["filename_json"] = JsonSerializer.Serialize(filename),
                ["feedback"] = Feedback(feedback),
            });
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, user)], options, cancellationToken).ConfigureAwait(false);
            if (!JsonAnswerExtractor.TryExtract(response.Text, out var json, out var error))
            {
                feedback = error;
                continue;
            }

            var answer = ParseAnswer.Read(json);
            var errors = ParseAnswerValidator.Validate(answer, filename);
            if (errors.Count == 0)
            {
                return ToEpisodeParse(answer, filename);
            }

            feedback = string.Join("; ", errors);
        }

        return fallback with { Reasoning = $"{fallback.Reasoning} The {Name} answer was rejected ({feedback}), so the rule parser's reading stands." };
    }

    /// <summary>
    /// One request for the whole list (answers keyed by index). Each item is validated and grounded on its own; items
    /// missing or rejected in the batch answer are asked again alone; an unreadable or too-large batch is split in
    /// halves and retried, so one bad answer never costs every name. <paramref name="maxTokens"/> is per name.
    /// </summary>
    public async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        if (filenames.Count <= 1)
        {
            return filenames.Count == 0 ? [] : [await ParseFilenameAsync(filenames[0], maxTokens, cancellationToken).ConfigureAwait(false)];
        }

        var answers = await AskBatchAsync(filenames, maxTokens, cancellationToken).ConfigureAwait(false);
        if (answers is null)
        {
            var half = filenames.Count / 2;
            var first = await ParseFilenamesAsync([.. filenames.Take(half)], maxTokens, cancellationToken).ConfigureAwait(false);
            var second = await ParseFilenamesAsync([.. filenames.Skip(half)], maxTokens, cancellationToken).ConfigureAwait(false);
            return [.. first, .. second];
        }

        var results = new EpisodeParse[filenames.Count];
        for (var i = 0; i < filenames.Count; i++)
        {
            var name = filenames[i];
            if (answers.TryGetValue(i, out var answer) && ParseAnswerValidator.Validate(answer, name).Count == 0)
            {
                results[i] = ToEpisodeParse(answer, name);
            }
            else
            {
                // Missing or rejected in the batch: ask for this one alone (with its own retry and fallback).
                results[i] = await ParseFilenameAsync(name, maxTokens, cancellationToken).ConfigureAwait(false);
            }
        }

        return results;
    }

    /// <summary>The batch answer by index, or null when the whole answer is unusable (then the caller splits).</summary>
    private async Task<Dictionary<int, ParseAnswer>?> AskBatchAsync(IReadOnlyList<string> filenames, int maxTokens, CancellationToken cancellationToken)
    {
        var template = _prompts[PromptLibrary.ParseBatch];
        var items = JsonSerializer.Serialize(filenames.Select((f, i) => new { index = i, filename = f }));
        var user = template.RenderUser(new Dictionary<string, string> { ["items_json"] = items, ["feedback"] = "" });
        var options = Options(checked((maxTokens * filenames.Count) + 50), AnswerSchemas.ParseBatch, "episode_parse_batch");
        ChatResponse response;
        try
        {
            response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, user)], options, cancellationToken).ConfigureAwait(false);
        }
        catch (Providers.LlmBackendException ex) when (ex.StatusCode is 400 or 413)
        {
            // Too large for the model's context or the provider's limits: smaller batches may pass.
            return null;
        }

        if (!JsonAnswerExtractor.TryExtract(response.Text, out var json, out _))
        {
            return null;
        }

        var list = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("results", out var r) ? r : json;
        if (list.ValueKind != JsonValueKind.Array)
        {
            return null;
        }

        var answers = new Dictionary<int, ParseAnswer>();
        foreach (var item in list.EnumerateArray())
        {
            if (item.ValueKind == JsonValueKind.Object && item.TryGetProperty("index", out var idx) && idx.TryGetInt32(out var index) && index >= 0 && index < filenames.Count)
            {
                answers.TryAdd(index, ParseAnswer.Read(item));
            }
        }

        return answers;
    }

    public async Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default)
    {
        if (candidates.Count == 0)
        {
            return new ShowSuggestion(ShowSuggestion.NoMatch, null, 1.0, "There were no candidates to choose from.");
        }

        var template = _prompts[PromptLibrary.SuggestShowName];
        var options = Options(300, AnswerSchemas.SuggestShow, "show_match");
        var candidatesJson = JsonSerializer.Serialize(candidates.Select(c => new
        {
            id = c.Id,
            name = c.Name,
            original_name = c.OriginalName,
            first_air_date = c.FirstAirDate,
            overview = c.Overview is { Length: > 300 } o ? o[..300] : c.Overview,
            alternative_titles = c.AlternativeTitles,
        }));
        var feedback = "";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var user = template.RenderUser(new Dictionary<string, string>
            {
                ["show_json"] = JsonSerializer.Serialize(showName),
                ["candidates_json"] = candidatesJson,
                ["feedback"] = Feedback(feedback),
            });
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, user)], options, cancellationToken).ConfigureAwait(false);
            if (!JsonAnswerExtractor.TryExtract(response.Text, out var json, out var error))
            {
                feedback = error;
                continue;
            }

            if (json.ValueKind != JsonValueKind.Object || !json.TryGetProperty("id", out var idElement) || !idElement.TryGetInt32(out var id))
            {
                feedback = "the answer needs an integer id";
                continue;
            }

            var confidence = json.TryGetProperty("confidence", out var c) && c.ValueKind == JsonValueKind.Number ? Math.Clamp(c.GetDouble(), 0, 1) : 0.5;
            var reasoning = json.TryGetProperty("reasoning", out var r) && r.ValueKind == JsonValueKind.String ? r.GetString() ?? "" : "";
            if (id == ShowSuggestion.NoMatch)
            {
                return new ShowSuggestion(ShowSuggestion.NoMatch, null, confidence, reasoning);
            }

            // The candidate's own primary name is the answer; the model only chooses which candidate.
            if (candidates.FirstOrDefault(x => x.Id == id) is { } chosen)
            {
                return new ShowSuggestion(chosen.Id, chosen.Name, confidence, reasoning);
            }

            feedback = $"id {id} is not one of the candidates' ids; answer with a candidate id or -1";
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
        var feedback = "";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var user = template.RenderUser(new Dictionary<string, string>
            {
                ["kind"] = kind == ShortNameKind.File ? "file" : "folder",
                ["max_length"] = maxLength.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["name_json"] = JsonSerializer.Serialize(longName),
                ["feedback"] = Feedback(feedback),
            });
            var response = await chat.GetResponseAsync([new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, user)], options, cancellationToken).ConfigureAwait(false);
            if (!JsonAnswerExtractor.TryExtract(response.Text, out var json, out var error))
            {
                feedback = error;
                continue;
            }

            var candidate = json.ValueKind == JsonValueKind.Object && json.TryGetProperty("name", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString()?.Trim() ?? "" : "";
            var problem = ShortNameProblem(candidate, longName, maxLength, kind);
            if (problem is null)
            {
                return candidate;
            }

            feedback = problem;
        }

        return NameShortener.Shorten(longName, maxLength, kind);
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

    private EpisodeParse ToEpisodeParse(ParseAnswer a, string filename)
    {
        if (!a.IsEpisode)
        {
            return EpisodeParse.NotAnEpisode(filename, $"{Name}: {Sentence(a.Reasoning, "the model says this is not an episode")}") with { Source = $"llm:{Name}" };
        }

        // Seasonless absolute numbering reads like the rule parser's: the number is in both lists.
        var episodes = a.Episodes.Count == 0 && a.Season is null ? a.AbsoluteEpisodes : a.Episodes;
        return new EpisodeParse
        {
            Input = filename,
            ShowName = a.ShowName,
            Year = a.Year,
            Season = a.Season,
            Episodes = episodes,
            AbsoluteEpisodes = a.AbsoluteEpisodes,
            AirDate = a.AirDate,
            FullSeason = a.FullSeason,
            Special = a.Special || a.Season == 0,
            Crc32 = a.Crc32?.ToUpperInvariant(),
            ReleaseGroup = a.ReleaseGroup,
            Version = a.Version,
            Confidence = Math.Clamp(double.IsFinite(a.Confidence) ? a.Confidence : 0.5, 0, 1),
            Source = $"llm:{Name}",
            Reasoning = Sentence(a.Reasoning, "The model read the name; its answer passed validation and grounding."),
        };
    }

    private ChatOptions Options(int maxTokens, JsonElement schema, string schemaName) => new()
    {
        MaxOutputTokens = maxTokens,
        Temperature = temperature,
        ResponseFormat = ChatResponseFormat.ForJsonSchema(schema, schemaName, "Episodic structured answer"),
    };

    private static string Feedback(string errors) =>
        errors.Length == 0 ? "" : $"Your previous answer was rejected: {errors}. Answer again with corrected JSON only.";

    private static string Sentence(string text, string fallback) => string.IsNullOrWhiteSpace(text) ? fallback : text.Trim();
}
