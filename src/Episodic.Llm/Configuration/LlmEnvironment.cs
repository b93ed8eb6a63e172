namespace Episodic.Llm.Configuration;

/// <summary>
/// Turns environment variables into configuration keys, in two layers: the providers' well-known names
/// (OPENAI_API_KEY, OLLAMA_HOST, ...) and the explicit <c>EPISODIC_&lt;SECTION&gt;__&lt;KEY&gt;</c> names, which win.
/// </summary>
public static class LlmEnvironment
{
    public const string Prefix = "EPISODIC_";

    /// <summary>Well-known variable → the INI key it overrides, as the user writes it.</summary>
    public static IReadOnlyDictionary<string, string> WellKnown { get; } = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["OPENAI_API_KEY"] = "openai:api_key",
        ["OPENAI_BASE_URL"] = "openai:base_url",
        ["ANTHROPIC_API_KEY"] = "anthropic:api_key",
        ["ANTHROPIC_BASE_URL"] = "anthropic:base_url",
        ["OLLAMA_HOST"] = "ollama:host",
        ["TMDB_API_KEY"] = "tmdb:api_key",
        ["PLEX_TOKEN"] = "plex:token",
        ["JELLYFIN_API_KEY"] = "jellyfin:api_key",
        ["EMBY_API_KEY"] = "emby:api_key",
    };

    /// <summary>A snapshot of the process environment, for callers that do not inject their own.</summary>
    public static IReadOnlyDictionary<string, string?> FromProcess()
    {
        var result = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            result[(string)entry.Key] = entry.Value as string;
        }

        return result;
    }

    /// <summary>The well-known layer, as normalised configuration keys. Blank variables are ignored (unset).</summary>
    internal static Dictionary<string, string?> WellKnownLayer(IReadOnlyDictionary<string, string?> environment)
    {
        var layer = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, key) in WellKnown)
        {
            if (environment.TryGetValue(variable, out var value) && !string.IsNullOrWhiteSpace(value))
            {
                layer[ConfigKeys.NormalizePath(key)] = variable == "OLLAMA_HOST" ? OllamaHost.Normalize(value) : value.Trim();
            }
        }

        return layer;
    }

    /// <summary>The <c>EPISODIC_SECTION__KEY</c> layer: prefix dropped, <c>__</c> → <c>:</c>, underscores removed; blank = unset.</summary>
    internal static Dictionary<string, string?> PrefixedLayer(IReadOnlyDictionary<string, string?> environment)
    {
        var layer = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        foreach (var (variable, value) in environment)
        {
            if (string.IsNullOrWhiteSpace(value) || variable.Length <= Prefix.Length || !variable.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var path = variable[Prefix.Length..].Replace("__", ":", StringComparison.Ordinal);
            layer[ConfigKeys.NormalizePath(path)] = value.Trim();
        }

        return layer;
    }
}
