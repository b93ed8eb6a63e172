using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using System.Text;
using Episodic.Core.Text;
using Episodic.Llm.Pipeline;

namespace Episodic.Llm.Configuration;

/// <summary>
/// Finds keys in known INI sections that nothing reads (<c>modle = ...</c>, <c>api-key</c>), so a typo is not
/// silently a default. Only a warning: a Sync2NAS file may carry keys Episodic does not use. Keys compare as the
/// loader binds them (case and underscores ignored); the suggestion is the closest known key by edit distance.
/// </summary>
public static class IniKeyCheck
{
    /// <summary>
    /// The keys of the sections the LLM tier reads (<c>[llm]</c>, <c>[ollama]</c>, <c>[openai]</c>,
    /// <c>[anthropic]</c>, <c>[features]</c>, <c>[resilience]</c>, <c>[cache]</c>), in snake_case, taken from the
    /// settings classes themselves so a new setting is known the moment it exists.
    /// </summary>
    public static IReadOnlyDictionary<string, IReadOnlyList<string>> LlmSections { get; } = new Dictionary<string, IReadOnlyList<string>>(StringComparer.OrdinalIgnoreCase)
    {
        ["llm"] = KeysOf(typeof(LlmSection), typeof(StrategySection)),
        ["ollama"] = KeysOf(typeof(OllamaSection), typeof(RateLimitSection)),
        ["openai"] = KeysOf(typeof(OpenAISection), typeof(RateLimitSection)),
        ["anthropic"] = KeysOf(typeof(AnthropicSection), typeof(RateLimitSection)),
        ["features"] = KeysOf(typeof(FeaturesSection)),
        ["resilience"] = KeysOf(typeof(ResilienceSection)),
        ["cache"] = KeysOf(typeof(CacheSection)),
    };

    /// <summary>
    /// One warning per key of <paramref name="iniText"/> that is in a section of <paramref name="known"/> but is not
    /// one of its keys, e.g. <c>[ollama] modle (line 7) is not a known key and is ignored; did you mean model?</c>.
    /// Sections not in <paramref name="known"/> are not checked.
    /// </summary>
    public static IReadOnlyList<string> Warnings(string iniText, IReadOnlyDictionary<string, IReadOnlyList<string>> known)
    {
        ArgumentNullException.ThrowIfNull(iniText);
        ArgumentNullException.ThrowIfNull(known);
        var warnings = new List<string>();
        foreach (var entry in IniPreprocessor.Entries(iniText))
        {
            if (!known.TryGetValue(entry.Section, out var keys))
            {
                continue;
            }

            var folded = ConfigKeys.NormalizeSegment(entry.Key);
            if (keys.Any(k => ConfigKeys.NormalizeSegment(k) == folded))
            {
                continue;
            }

            var section = entry.Section.ToLowerInvariant();
            var hint = Closest(entry.Key, keys) is { } closest
                ? $"did you mean {closest}?"
                : $"known keys: {string.Join(", ", keys)}";
            warnings.Add($"warning: [{section}] {Printable(entry.Key)} (line {entry.Line}) is not a known key and is ignored; {hint}");
        }

        return warnings;
    }

    /// <summary>
    /// The same check for <c>EPISODIC_SECTION__KEY</c> variables (a typo there is as silent as one in the file):
    /// one warning per set variable whose section is known and whose key is not, with the variable to use instead.
    /// </summary>
    public static IReadOnlyList<string> EnvironmentWarnings(IReadOnlyDictionary<string, string?> environment, IReadOnlyDictionary<string, IReadOnlyList<string>> known)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(known);
        var warnings = new List<string>();
        foreach (var (variable, value) in environment.OrderBy(e => e.Key, StringComparer.Ordinal))
        {
            if (string.IsNullOrWhiteSpace(value) || !variable.StartsWith(LlmEnvironment.Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var parts = variable[LlmEnvironment.Prefix.Length..].Split("__");
            if (parts.Length != 2 || !known.TryGetValue(parts[0], out var keys) || keys.Any(k => ConfigKeys.NormalizeSegment(k) == ConfigKeys.NormalizeSegment(parts[1])))
            {
                continue;
            }

            var section = parts[0].ToLowerInvariant();
            var hint = Closest(parts[1], keys) is { } closest
                ? $"did you mean {LlmEnvironment.Prefix}{section.ToUpperInvariant()}__{closest.ToUpperInvariant()}?"
                : $"known keys: {string.Join(", ", keys)}";
            warnings.Add($"warning: {Printable(variable)} sets [{section}] {Printable(parts[1].ToLowerInvariant())}, which is not a known key and is ignored; {hint}");
        }

        return warnings;
    }

    /// <summary>
    /// The known key nearest to <paramref name="key"/> (case and underscores ignored) when it is close enough to be a
    /// typo (<see cref="EditDistance.Closest"/>). Null when none is.
    /// </summary>
    public static string? Closest(string key, IEnumerable<string> known) => EditDistance.Closest(key, known, Fold);

    /// <summary>Lower case without <c>_</c> or <c>-</c>, so <c>api-key</c>, <c>API_KEY</c> and <c>apikey</c> are one word.</summary>
    private static string Fold(string key) => ConfigKeys.NormalizeSegment(key).Replace("-", "", StringComparison.Ordinal);

    private static string Printable(string text) => text.Any(char.IsControl) ? new string([.. text.Select(c => char.IsControl(c) ? '?' : c)]) : text;

    /// <summary>The INI names of the public string-valued settings of <paramref name="type"/> (ApiKey → api_key).</summary>
    /// <remarks>The annotation keeps the properties through trimming (the native binary reads them by reflection).</remarks>
    private static List<string> KeysOf([DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type type) =>
        [.. type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.CanWrite && p.PropertyType == typeof(string))
            .Select(p => SnakeCase(p.Name))
            .Distinct(StringComparer.Ordinal)];

    /// <summary>The keys of a section made of two settings classes, without repeats.</summary>
    private static List<string> KeysOf(
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type first,
        [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicProperties)] Type second) =>
        [.. KeysOf(first).Concat(KeysOf(second)).Distinct(StringComparer.Ordinal)];

    private static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]))))
            {
                text.Append('_');
            }

            text.Append(char.ToLowerInvariant(name[i]));
        }

        return text.ToString();
    }
}
