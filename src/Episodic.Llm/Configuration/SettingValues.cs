using System.Globalization;
using Episodic.Core.Text;
using Episodic.Llm.Providers;

namespace Episodic.Llm.Configuration;

/// <summary>
/// Parses the string-typed settings. Kept apart from the validator so <see cref="LlmConfiguration.ToBackendOptions"/>
/// converts exactly what validation accepted.
/// </summary>
internal static class SettingValues
{
    /// <summary>One day: long enough for any model call, short enough that TimeSpan arithmetic cannot overflow.</summary>
    public const double MaxTimeoutSeconds = 86_400;

    /// <summary>Only the documented names count (Enum.TryParse would also accept "1" or "OpenAI, Anthropic").</summary>
    public static bool TryParseService(string? value, out BackendKind kind) => BackendKindNames.TryParse(value, out kind);

    public static bool TryParseNumber(string? value, out double number) =>
        double.TryParse(value?.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out number) && double.IsFinite(number);

    public static bool TryParseTimeout(string? value, out TimeSpan timeout)
    {
        var ok = TryParseNumber(value, out var seconds) && seconds > 0 && seconds <= MaxTimeoutSeconds;
        timeout = ok ? TimeSpan.FromSeconds(seconds) : default;
        return ok;
    }

    public static bool TryParseMaxTokens(string? value, out int maxTokens) =>
        int.TryParse(value?.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out maxTokens) && maxTokens > 0;

    public static bool TryParseTemperature(string? value, out float temperature)
    {
        var ok = TryParseNumber(value, out var number) && number is >= 0 and <= 2;
        temperature = ok ? (float)number : default;
        return ok;
    }

    /// <summary>An absolute http(s) URL with a host; Ollama hosts are normalised first (scheme and port optional).</summary>
    public static bool TryParseUrl(string? value, bool isOllamaHost, out Uri? uri)
    {
        var text = isOllamaHost ? OllamaHost.Normalize(value) : value?.Trim();
        uri = null;
        if (MeantUrl(value) is not null || !Uri.TryCreate(text, UriKind.Absolute, out var parsed)
            || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)
            || parsed.Host.Length == 0)
        {
            return false;
        }

        uri = parsed;
        return true;
    }

    /// <summary>
    /// The URL meant by a value whose scheme lost part of its "://" (<c>http//host</c>, <c>https:/host</c>), else
    /// null. Without this, an Ollama host such as <c>http//bad</c> reads as host "http" with the path "//bad".
    /// </summary>
    public static string? MeantUrl(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Contains("://", StringComparison.Ordinal))
        {
            return null;
        }

        foreach (var scheme in new[] { "https", "http" })
        {
            if (text.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            {
                var separator = text[scheme.Length..];
                var rest = separator.TrimStart(':', '/');
                var lost = separator[..^rest.Length];
                return rest.Length > 0 && lost.Contains('/', StringComparison.Ordinal) ? $"{scheme}://{rest}" : null;
            }
        }

        return null;
    }

    /// <summary>Example-file values such as <c>your_openai_api_key_here</c> or <c>&lt;key&gt;</c>: not a real key.</summary>
    public static bool IsPlaceholder(string value)
    {
        var text = value.Trim().ToLowerInvariant();
        return text.StartsWith("your_", StringComparison.Ordinal)
            || text.StartsWith("your-", StringComparison.Ordinal)
            || text.EndsWith("_here", StringComparison.Ordinal)
            || (text.StartsWith('<') && text.EndsWith('>'))
            || text is "changeme" or "change_me" or "xxx" or "none" or "null";
    }

    /// <summary>A value quoted back in a message: shortened, and a URL's user:password@ part and query dropped (<see cref="SafeUrl"/>).</summary>
    public static string Echo(string? value)
    {
        var text = value?.Trim() ?? "";
        if (text.Contains('@', StringComparison.Ordinal) || text.Contains("://", StringComparison.Ordinal))
        {
            text = SafeUrl.Of(text);
        }

        return text.Length > 80 ? $"\"{text[..77]}...\"" : $"\"{text}\"";
    }
}
