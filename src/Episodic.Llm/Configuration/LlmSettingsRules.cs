using Episodic.Llm.Providers;
using Microsoft.Extensions.Options;

namespace Episodic.Llm.Configuration;

/// <summary>
/// The rules attributes cannot express: the service name, the API key the chosen service needs, and values that must
/// parse (numbers, ranges, URLs). Every message names the INI key as written and says how to fix it; none quotes a key.
/// </summary>
internal sealed class LlmSettingsRules : IValidateOptions<LlmSettings>
{
    public ValidateOptionsResult Validate(string? name, LlmSettings options)
    {
        var problems = Check(options);
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }

    public static List<string> Check(LlmSettings settings)
    {
        var problems = new List<string>();
        var service = settings.Llm.Service;
        var known = SettingValues.TryParseService(service, out var selected);
        if (!known && !string.IsNullOrWhiteSpace(service))
        {
            // A blank service is reported by the attribute validator; do not say it twice.
            problems.Add($"[llm] service = {SettingValues.Echo(service)} is not a known service; set it to one of: "
                + $"{string.Join(", ", LlmConfiguration.ServiceNames)} (or set EPISODIC_LLM__SERVICE).");
        }

        // Every section is checked for malformed values; only the selected one must have its API key.
        foreach (var kind in Enum.GetValues<BackendKind>())
        {
            problems.AddRange(CheckBackend(BackendSection.From(settings, kind), requireKey: known && kind == selected));
        }

        return problems;
    }

    public static IEnumerable<string> CheckBackend(BackendSection section, bool requireKey)
    {
        var s = section.Name;
        if (requireKey && section.NeedsApiKey)
        {
            var fix = $"set {section.ApiKeyVariable} (or EPISODIC_{section.Name.ToUpperInvariant()}__API_KEY), or api_key under [{s}]";
            if (string.IsNullOrWhiteSpace(section.ApiKey))
            {
                yield return $"[{s}] api_key is not set, but service {s} needs it; {fix}.";
            }
            else if (SettingValues.IsPlaceholder(section.ApiKey))
            {
                yield return $"[{s}] api_key is still the example placeholder, but service {s} needs a real key; {fix}.";
            }
        }

        if (!SettingValues.TryParseTimeout(section.Timeout, out _))
        {
            var fix = $"set a positive number of seconds up to {SettingValues.MaxTimeoutSeconds}, e.g. timeout = 60";
            var what = !SettingValues.TryParseNumber(section.Timeout, out var seconds) ? "is not a number"
                : seconds <= 0 ? "is not positive"
                : "is too large";
            yield return $"[{s}] timeout = {SettingValues.Echo(section.Timeout)} {what}; {fix}.";
        }

        if (section.MaxTokens is not null && !SettingValues.TryParseMaxTokens(section.MaxTokens, out _))
        {
            var what = int.TryParse(section.MaxTokens.Trim(), System.Globalization.CultureInfo.InvariantCulture, out _)
                ? "is not positive"
                : "is not a whole number";
            yield return $"[{s}] max_tokens = {SettingValues.Echo(section.MaxTokens)} {what}; set a positive whole number, e.g. max_tokens = 4000.";
        }

        if (section.Temperature is not null && !SettingValues.TryParseTemperature(section.Temperature, out _))
        {
            var isNumber = SettingValues.TryParseNumber(section.Temperature, out _);
            yield return isNumber
                ? $"[{s}] temperature = {SettingValues.Echo(section.Temperature)} is outside 0 to 2; set a number from 0 to 2, e.g. temperature = 0.1."
                : $"[{s}] temperature = {SettingValues.Echo(section.Temperature)} is not a number; set a number from 0 to 2, e.g. temperature = 0.1.";
        }

        // An unset base_url means the provider's default endpoint; a set one must be usable.
        if (!string.IsNullOrWhiteSpace(section.Url) && !SettingValues.TryParseUrl(section.Url, section.Kind == BackendKind.Ollama, out _))
        {
            var form = section.Kind == BackendKind.Ollama ? "an http(s) URL or host:port" : "an absolute http(s) URL";
            yield return SettingValues.MeantUrl(section.Url) is { } meant
                ? $"[{s}] {section.UrlKey} = {SettingValues.Echo(section.Url)} is not a valid URL; did you mean {section.UrlKey} = {SettingValues.Echo(meant)[1..^1]}?"
                : $"[{s}] {section.UrlKey} = {SettingValues.Echo(section.Url)} is not a valid URL; set {form}, e.g. {section.UrlKey} = {section.DefaultUrl}.";
        }
    }
}
