using System.CommandLine;
using System.Text.Json;
using Episodic.Core.Naming;
using Episodic.Llm;
using Episodic.Llm.Providers;

namespace Episodic.Cli;

/// <summary><c>episodic suggest-show NAME --candidates FILE</c>: pick the best metadata match with the configured LLM.</summary>
internal static class SuggestShowCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("NAME") { Description = "The show name read from a filename." };
        var candidates = new Option<string>("--candidates")
        {
            Description = "JSON file (or - for stdin) with an array of {id, name, original_name, first_air_date, overview, alternative_titles}.",
            Required = true,
        };
        var llmOptions = new LlmOptions();
        var command = new Command("suggest-show", "Choose the metadata search result that is the same show, with the configured LLM; prints JSON.") { name, candidates };
        foreach (var option in llmOptions.All)
        {
            command.Options.Add(option);
        }

        command.SetAction(async (result, cancellationToken) =>
        {
            var path = result.GetValue(candidates)!;
            if (path != "-" && !File.Exists(path))
            {
                context.Error($"no such file: '{path}'");
                return CliApp.ExitInputError;
            }

            List<ShowCandidate> list;
            try
            {
                var json = path == "-" ? await context.Stdin.ReadToEndAsync(cancellationToken).ConfigureAwait(false) : await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false);
                list = ReadCandidates(json);
            }
            catch (JsonException ex)
            {
                context.Error($"the candidates are not a JSON array of objects with id and name ({ex.Message})");
                return CliApp.ExitInputError;
            }

            using var host = llmOptions.CreateHost(result, context);
            if (host?.Service is not { } service)
            {
                return CliApp.ExitConfigError;
            }

            try
            {
                var s = await service.SuggestShowNameAsync(result.GetValue(name)!, list, cancellationToken).ConfigureAwait(false);
                await context.Stdout.WriteLineAsync(JsonSerializer.Serialize(new { id = s.Id, show_name = s.ShowName, confidence = s.Confidence, reasoning = s.Reasoning })).ConfigureAwait(false);
                return CliApp.ExitOk;
            }
            catch (LlmBackendException ex)
            {
                context.Error($"{service.Name} failed: {ex.Message}");
                return 4;
            }
        });
        return command;
    }

    internal static List<ShowCandidate> ReadCandidates(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var list = new List<ShowCandidate>();
        foreach (var e in doc.RootElement.EnumerateArray())
        {
            string? Str(string key) => e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
            var alternatives = e.TryGetProperty("alternative_titles", out var alt) && alt.ValueKind == JsonValueKind.Array
                ? alt.EnumerateArray().Where(a => a.ValueKind == JsonValueKind.String).Select(a => a.GetString()!).ToList()
                : null;
            list.Add(new ShowCandidate(e.GetProperty("id").GetInt32(), Str("name") ?? throw new JsonException("a candidate has no name"), Str("original_name"), Str("first_air_date"), Str("overview"), alternatives));
        }

        return list;
    }
}
