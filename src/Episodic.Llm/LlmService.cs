using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm.Answers;
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
/// <param name="source">The backend and model behind <paramref name="chat"/>: the source of every accepted answer.</param>
/// <param name="settleDoubts">
/// Rules-first: each prompt carries the rule parser's reading, confidence, doubts and rival (<see cref="RulesHint"/>),
/// and the model is asked to confirm or correct the disputed fields.
/// </param>
public sealed partial class LlmService(IChatClient chat, AnswerSource source, IFilenameParser rules, PromptLibrary? prompts = null, float temperature = 0.1f, bool settleDoubts = false) : ILlmService
{
    private const int Attempts = 2;
    private readonly PromptLibrary _prompts = prompts ?? PromptLibrary.Embedded;

    public string Name { get; } = source.Label;

    public async Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default)
    {
        var fallback = rules.Parse(filename);
        var options = Options(maxTokens, AnswerSchemas.Parse, "episode_parse");
        var hint = settleDoubts ? RulesHint.ForOneName(fallback) : null;
        var (answer, feedback) = await AskAsync<ParseAnswer>(f => ParsePrompt.OneName(_prompts, filename, f, hint), options, json =>
        {
            var parsed = ParseAnswer.Read(json);
            var errors = ParseAnswerValidator.Validate(parsed, filename);
            return errors.Count == 0 ? (parsed, null) : (null, string.Join("; ", errors));
        }, cancellationToken).ConfigureAwait(false);
        if (answer is not null)
        {
            return ToEpisodeParse(answer, filename);
        }

        return fallback with { Reasoning = $"{fallback.Reasoning} The {Name} answer was rejected ({feedback}), so the rule parser's reading stands." };
    }

    /// <summary>Asks with <paramref name="template"/>: its system part, then its user part filled from <paramref name="values"/> and the feedback.</summary>
    private Task<(T? Result, string Feedback)> AskAsync<T>(PromptTemplate template, Dictionary<string, string> values, ChatOptions options, Func<JsonElement, (T? Result, string? Problem)> judge, CancellationToken cancellationToken)
        where T : class =>
        AskAsync(feedback =>
        {
            values["feedback"] = feedback;
            return [new ChatMessage(ChatRole.System, template.System), new ChatMessage(ChatRole.User, template.RenderUser(values))];
        }, options, judge, cancellationToken);

    /// <summary>
    /// Asks with the messages <paramref name="messages"/> renders for the feedback so far (empty on the first attempt);
    /// <paramref name="judge"/> turns the JSON answer into a result or names the problem, which is fed back for one
    /// more attempt. Returns the accepted result, or null with the last problem.
    /// </summary>
    private async Task<(T? Result, string Feedback)> AskAsync<T>(Func<string, ChatMessage[]> messages, ChatOptions options, Func<JsonElement, (T? Result, string? Problem)> judge, CancellationToken cancellationToken)
        where T : class
    {
        var feedback = "";
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var response = await chat.GetResponseAsync(messages(Feedback(feedback)), options, cancellationToken).ConfigureAwait(false);
            if (!JsonAnswerExtractor.TryExtract(response.Text, out var json, out var error))
            {
                feedback = error;
                continue;
            }

            var (result, problem) = judge(json);
            if (result is not null)
            {
                return (result, "");
            }

            feedback = problem ?? "the answer was not usable";
        }

        return (null, feedback);
    }

    private EpisodeParse ToEpisodeParse(ParseAnswer a, string filename)
    {
        if (!a.IsEpisode)
        {
            return EpisodeParse.NotAnEpisode(filename, $"{Name}: {Sentence(a.Reasoning, "the model says this is not an episode")}") with { Source = source };
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
            Source = source,
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
