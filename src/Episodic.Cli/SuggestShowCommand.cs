using System.CommandLine;
using System.Text.Json;
using Episodic.Core.Metadata;
using Episodic.Core.Naming;
using Episodic.Llm.Providers;
using Episodic.Metadata.Providers;

namespace Episodic.Cli;

/// <summary>
/// <c>episodic suggest-show NAME [--candidates FILE]</c>: pick the best metadata match with the configured LLM. Without
/// --candidates the configured metadata provider (TMDB or TVmaze) is searched for them.
/// </summary>
internal static class SuggestShowCommand
{
    /// <summary>Candidates put before the model: a provider's first page, in its ranking.</summary>
    private const int MaxCandidates = 10;

    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The show name read from a filename." };
        var candidates = new Option<string>("--candidates")
        {
            Description = "JSON file (or - for stdin): a TMDB search/tv or TVmaze search/shows answer saved as is, or an array of {id, name, original_name, first_air_date, overview, alternative_titles}. Default: search the metadata provider (--metadata).",
        };
        var llmOptions = new LlmOptions();
        var metadata = new MetadataOptions(allowNone: false);
        var command = new Command("suggest-show", "Choose the metadata search result that is the same show, with the configured LLM; prints JSON.") { name, candidates };
        foreach (var option in llmOptions.All.Concat(metadata.All))
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(candidates);
            if (path is null)
            {
                var searched = await SearchAsync(result, context, llmOptions, metadata, result.GetValue(name)!, cancellationToken).ConfigureAwait(false);
                if (searched.Exit is { } exit)
                {
                    return exit;
                }

                return await SuggestAsync(result, context, llmOptions, result.GetValue(name)!, searched.Candidates, searched.Provider, cancellationToken).ConfigureAwait(false);
            }

            if (path != "-" && !File.Exists(path))
            {
                context.Error($"no such file: '{path}'");
                return CliApp.ExitInputError;
            }

            List<ShowCandidate> list;
            string? provider;
            try
            {
                var json = path == "-" ? await context.Stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
                (list, provider) = ReadCandidates(json);
            }
            catch (JsonException ex)
            {
                context.Error(ex.InnerException is JsonException
                    ? $"the candidates file is not usable: {ex.Message.ReplaceLineEndings(" ")}"
                    : $"the candidates are not a JSON array of objects with id and name: {ex.Message.ReplaceLineEndings(" ")}");
                return CliApp.ExitInputError;
            }

            return await SuggestAsync(result, context, llmOptions, result.GetValue(name)!, list, provider, cancellationToken).ConfigureAwait(false);
        });
        return command;
    }

    /// <summary>Asks the model; prints {id, show_name, confidence, reasoning} and, when the candidates came from a provider, show_id.</summary>
    private static async Task<int> SuggestAsync(ParseResult result, CliContext context, LlmOptions llmOptions, string name, List<ShowCandidate> list, string? provider, CancellationToken cancellationToken)
    {
        using var host = llmOptions.CreateHost(result, context);
        if (host?.Service is not { } service)
        {
            return CliApp.ExitConfigError;
        }

        try
        {
            var s = await service.SuggestShowNameAsync(name, list, cancellationToken).ConfigureAwait(false);
            var showId = provider is not null && s.IsMatch ? $"{provider}:{s.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)}" : null;
            await context.Stdout.WriteLineAsync(JsonSerializer.Serialize(new SuggestShowLine(s.Id, s.ShowName, showId, s.Confidence, s.Reasoning, list.Count), SuggestShowJson.Default.SuggestShowLine)).ConfigureAwait(false);
            return CliApp.ExitOk;
        }
        catch (LlmBackendException ex)
        {
            context.Error($"{service.Name} failed: {ex.Message}");
            return 4;
        }
    }

    /// <summary>The provider's search results for the name (year and country suffixes used as hints), as model candidates.</summary>
    private static async Task<(int? Exit, string? Provider, List<ShowCandidate> Candidates)> SearchAsync(ParseResult result, CliContext context, LlmOptions llmOptions, MetadataOptions metadata, string name, CancellationToken cancellationToken)
    {
        if (!llmOptions.TryBuildConfiguration(result, context, out var configuration))
        {
            return (CliApp.ExitConfigError, null, []);
        }

        var fallback = configuration.GetSection("tmdb")["apikey"] is { Length: > 0 } ? "tmdb" : "tvmaze";
        if (!metadata.TryChoose(result, configuration, context, fallback, out var chosen) || chosen is not { } kind)
        {
            return (CliApp.ExitConfigError, null, []);
        }

        using var host = metadata.CreateHost(result, configuration, context, kind, null);
        if (host is null)
        {
            return (CliApp.ExitConfigError, null, []);
        }

        var query = Episodic.Metadata.Identify.ShowQuery.From(name, null);
        try
        {
            var found = await host.Provider.SearchAsync(query.SearchText, query.Year, cancellationToken).ConfigureAwait(false);
            return (null, Episodic.Core.Metadata.ShowId.NameOf(kind), ToCandidates(found));
        }
        catch (Episodic.Metadata.Http.MetadataProviderException ex)
        {
            context.Error(ex.Message);
            return (4, null, []);
        }
    }

    /// <summary>The model's candidates from a provider's search results: the first <see cref="MaxCandidates"/>, in its ranking.</summary>
    private static List<ShowCandidate> ToCandidates(IEnumerable<ShowCandidateInfo> found) =>
        [.. found.Take(MaxCandidates).Select(c => new ShowCandidate(c.Id.Id, c.Name, c.OriginalName, c.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture), c.Overview, c.AlternativeTitles.Count > 0 ? c.AlternativeTitles : null))];

    /// <summary>
    /// The candidates of a --candidates file and the provider they came from (null for the plain format): a TMDB
    /// <c>search/tv</c> or TVmaze <c>search/shows</c> answer saved as the API sent it (<see cref="SavedSearch"/>), or a
    /// JSON array of objects with a whole-number <c>id</c> and a string <c>name</c>, optionally <c>original_name</c>,
    /// <c>first_air_date</c>, <c>overview</c> (strings) and <c>alternative_titles</c> (strings).
    /// </summary>
    /// <exception cref="JsonException">Malformed JSON, or a field of the wrong kind (the message names it, e.g. <c>[2].id</c>).</exception>
    internal static (List<ShowCandidate> Candidates, string? Provider) ReadCandidates(string json)
    {
        using var doc = JsonDocument.Parse(json);
        if (SavedSearch.Recognise(doc.RootElement) is { } provider)
        {
            return (ToCandidates(SavedSearch.Read(json, provider)), ShowId.NameOf(provider));
        }

        return (ReadPlain(doc), null);
    }

    private static List<ShowCandidate> ReadPlain(JsonDocument doc)
    {
        if (doc.RootElement.ValueKind != JsonValueKind.Array)
        {
            throw new JsonException($"the top level is {Kind(doc.RootElement)}, not an array");
        }

        var list = new List<ShowCandidate>();
        var index = 0;
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            var at = $"[{index++}]";
            if (e.ValueKind != JsonValueKind.Object)
            {
                throw new JsonException($"{at} is {Kind(e)}, not an object");
            }

            string? Str(string key, bool required = false)
            {
                if (!e.TryGetProperty(key, out var v) || v.ValueKind == JsonValueKind.Null)
                {
                    return required ? throw new JsonException($"{at}.{key} is missing") : null;
                }

                return v.ValueKind == JsonValueKind.String ? v.GetString() : throw new JsonException($"{at}.{key} is {Kind(v)}, not a string");
            }

            if (!e.TryGetProperty("id", out var idElement))
            {
                throw new JsonException($"{at}.id is missing");
            }

            if (idElement.ValueKind != JsonValueKind.Number || !idElement.TryGetInt32(out var id))
            {
                throw new JsonException($"{at}.id is {Kind(idElement)}, not a whole number");
            }

            List<string>? alternatives = null;
            if (e.TryGetProperty("alternative_titles", out var alt) && alt.ValueKind != JsonValueKind.Null)
            {
                if (alt.ValueKind != JsonValueKind.Array || alt.EnumerateArray().Any(a => a.ValueKind != JsonValueKind.String))
                {
                    throw new JsonException($"{at}.alternative_titles is not an array of strings");
                }

                alternatives = [.. alt.EnumerateArray().Select(a => a.GetString()!)];
            }

            list.Add(new ShowCandidate(id, Str("name", required: true)!, Str("original_name"), Str("first_air_date"), Str("overview"), alternatives));
        }

        return list;
    }

    private static string Kind(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => $"the number {e.GetRawText()}",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
