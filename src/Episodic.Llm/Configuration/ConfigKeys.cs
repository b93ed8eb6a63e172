namespace Episodic.Llm.Configuration;

/// <summary>
/// Key-name normalisation shared by the INI, environment and command-line sources. The configuration binder matches
/// names case-insensitively but not across underscores, so <c>api_key</c> becomes <c>apikey</c> (binds ApiKey).
/// </summary>
internal static class ConfigKeys
{
    /// <summary>One key or section name: trimmed, underscores removed, lower-cased.</summary>
    public static string NormalizeSegment(string name) => name.Trim().Replace("_", "", StringComparison.Ordinal).ToLowerInvariant();

    /// <summary>A full path such as <c>openai:api_key</c> → <c>openai:apikey</c>.</summary>
    public static string NormalizePath(string path) =>
        string.Join(':', path.Split(':').Select(NormalizeSegment));
}
