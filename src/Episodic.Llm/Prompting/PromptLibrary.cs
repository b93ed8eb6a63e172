using System.Text.Json;

namespace Episodic.Llm.Prompting;

/// <summary>
/// The prompts shipped as embedded resources, each overridable by a file of the same name in a prompts folder
/// (<c>[llm] prompts_dir</c>). Loaded once; the version of each becomes part of cache keys. The parse prompts'
/// few-shot examples come from a versioned resource of their own (<see cref="ParseExamples"/>), rendered into each
/// system part where it says <c>&lt;&lt;examples&gt;&gt;</c> (all of them) or <c>&lt;&lt;examples:N&gt;&gt;</c> (the first N:
/// the batch prompt takes fewer, to stay as small per name as before).
/// </summary>
public sealed class PromptLibrary
{
    public const string ParseFilename = "parse_filename.txt";
    public const string ParseBatch = "parse_batch.txt";
    public const string SuggestShowName = "suggest_show_name.txt";
    public const string SuggestShortName = "suggest_short_name.txt";

    /// <summary>Few-shot examples for the parse prompts: made-up names only, never corpus rows.</summary>
    public const string ParseExamples = "parse_examples.json";

    private const string ExamplesPlaceholder = "<<examples";

    private readonly Dictionary<string, PromptTemplate> _templates = new(StringComparer.Ordinal);

    public PromptLibrary(string? overrideDirectory = null)
    {
        var examples = FewShotExamples.Parse(Read(overrideDirectory, ParseExamples));
        Examples = examples;
        foreach (var name in new[] { ParseFilename, ParseBatch, SuggestShowName, SuggestShortName })
        {
            var template = PromptTemplate.Parse(name, Read(overrideDirectory, name));
            _templates[name] = template with { System = WithExamples(template.System, examples) };
        }
    }

    public static PromptLibrary Embedded { get; } = new();

    /// <summary>The few-shot examples in use (their version is part of the parse cache key).</summary>
    public FewShotExamples Examples { get; }

    public PromptTemplate this[string name] => _templates[name];

    /// <summary>Replaces <c>&lt;&lt;examples&gt;&gt;</c> or <c>&lt;&lt;examples:N&gt;&gt;</c> in <paramref name="system"/>.</summary>
    private static string WithExamples(string system, FewShotExamples examples)
    {
        var start = system.IndexOf(ExamplesPlaceholder, StringComparison.Ordinal);
        var end = start < 0 ? -1 : system.IndexOf(">>", start, StringComparison.Ordinal);
        if (end < 0)
        {
            return system;
        }

        var spec = system[(start + ExamplesPlaceholder.Length)..end];
        var count = spec.StartsWith(':') && int.TryParse(spec[1..], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : examples.Items.Count;
        return string.Concat(system.AsSpan(0, start), examples.Render(count), system.AsSpan(end + 2));
    }

    private static string Read(string? overrideDirectory, string name)
    {
        var path = overrideDirectory is null ? null : Path.Combine(overrideDirectory, name);
        return path is not null && File.Exists(path) ? File.ReadAllText(path) : ReadEmbedded(name);
    }

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream($"Episodic.Llm.Prompts.{name}")
            ?? throw new InvalidOperationException($"Embedded prompt '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

/// <summary>
/// The parse prompts' few-shot examples (<c>parse_examples.json</c>): a version and a list of made-up filenames with
/// the answer each should get, written compactly (fields left out are null, false or empty).
/// </summary>
public sealed record FewShotExamples(string Version, IReadOnlyList<(string Filename, string AnswerJson)> Items)
{
    /// <exception cref="FormatException">The file is not the expected JSON shape.</exception>
    public static FewShotExamples Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var version = root.GetProperty("version").GetString();
            if (string.IsNullOrWhiteSpace(version))
            {
                throw new FormatException($"{PromptLibrary.ParseExamples} needs a \"version\".");
            }

            var items = root.GetProperty("examples").EnumerateArray()
                .Select(e => (e.GetProperty("filename").GetString() ?? "", e.GetProperty("answer").GetRawText()))
                .Select(e => (e.Item1, JsonSerializerCompact(e.Item2)))
                .ToList();
            return new FewShotExamples(version, items);
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new FormatException($"{PromptLibrary.ParseExamples} is not {{\"version\": ..., \"examples\": [{{\"filename\": ..., \"answer\": {{...}}}}]}}: {ex.Message}", ex);
        }
    }

    /// <summary>One line per example (the first <paramref name="count"/>): the filename as a JSON string, an arrow, the compact answer.</summary>
    public string Render(int count = int.MaxValue) => string.Join('\n', Items.Take(count).Select(i => $"{JsonString(i.Filename)} -> {i.AnswerJson}"));

    private static string JsonString(string value)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, RulesHint.WriterOptions))
        {
            json.WriteStringValue(value);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string JsonSerializerCompact(string raw)
    {
        using var doc = JsonDocument.Parse(raw);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, RulesHint.WriterOptions))
        {
            doc.RootElement.WriteTo(json);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }
}
