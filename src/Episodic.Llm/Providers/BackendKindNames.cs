using System.Diagnostics.CodeAnalysis;
using Episodic.Core.Model;

namespace Episodic.Llm.Providers;

/// <summary>
/// The one mapping between <see cref="BackendKind"/> and its canonical wire name ("ollama", "openai", "anthropic"),
/// used for INI sections, <c>[llm] service</c>/<c>chain</c> values, answer sources, metric tags and cache keys.
/// Declared here once so no caller lower-cases an enum name on its own.
/// </summary>
public static class BackendKindNames
{
    private static readonly BackendId OllamaId = new("ollama");
    private static readonly BackendId OpenAIId = new("openai");
    private static readonly BackendId AnthropicId = new("anthropic");

    /// <summary>Every backend kind, in declaration order.</summary>
    public static IReadOnlyList<BackendKind> All { get; } = Enum.GetValues<BackendKind>();

    /// <summary>The wire names of <see cref="All"/>, in the same order (the valid values of <c>[llm] service</c>).</summary>
    public static IReadOnlyList<string> WireNames { get; } = [.. All.Select(WireName)];

    /// <summary>The backend's identity.</summary>
    public static BackendId Id(this BackendKind kind) => kind switch
    {
        BackendKind.Ollama => OllamaId,
        BackendKind.OpenAI => OpenAIId,
        BackendKind.Anthropic => AnthropicId,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown backend kind."),
    };

    /// <summary>The canonical wire name.</summary>
    public static string WireName(this BackendKind kind) => kind.Id().Name;

    /// <summary>Reads a wire name, ignoring case and surrounding spaces ("OpenAI", " ollama ").</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out BackendKind kind)
    {
        var trimmed = text?.Trim();
        foreach (var candidate in All)
        {
            if (string.Equals(candidate.WireName(), trimmed, StringComparison.OrdinalIgnoreCase))
            {
                kind = candidate;
                return true;
            }
        }

        kind = default;
        return false;
    }

    /// <summary>The answer source of a model on this backend.</summary>
    public static AnswerSource Source(this BackendKind kind, string model) => AnswerSource.FromModel(kind.Id(), model);
}
