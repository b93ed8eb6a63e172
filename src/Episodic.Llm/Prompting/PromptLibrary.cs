namespace Episodic.Llm.Prompting;

/// <summary>
/// The prompts shipped as embedded resources, each overridable by a file of the same name in a prompts folder
/// (<c>[llm] prompts_dir</c>). Loaded once; the version of each becomes part of cache keys.
/// </summary>
public sealed class PromptLibrary
{
    public const string ParseFilename = "parse_filename.txt";
    public const string ParseBatch = "parse_batch.txt";
    public const string SuggestShowName = "suggest_show_name.txt";
    public const string SuggestShortName = "suggest_short_name.txt";

    private readonly Dictionary<string, PromptTemplate> _templates = new(StringComparer.Ordinal);

    public PromptLibrary(string? overrideDirectory = null)
    {
        foreach (var name in new[] { ParseFilename, ParseBatch, SuggestShowName, SuggestShortName })
        {
            var path = overrideDirectory is null ? null : Path.Combine(overrideDirectory, name);
            var text = path is not null && File.Exists(path) ? File.ReadAllText(path) : ReadEmbedded(name);
            _templates[name] = PromptTemplate.Parse(name, text);
        }
    }

    public static PromptLibrary Embedded { get; } = new();

    public PromptTemplate this[string name] => _templates[name];

    private static string ReadEmbedded(string name)
    {
        using var stream = typeof(PromptLibrary).Assembly.GetManifestResourceStream($"Episodic.Llm.Prompts.{name}")
            ?? throw new InvalidOperationException($"Embedded prompt '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
