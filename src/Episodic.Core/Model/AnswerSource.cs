using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Episodic.Core.Model;

/// <summary>
/// Who answered a name: the rule parser, or a model on a backend. A value type so code branches on
/// <see cref="Kind"/> instead of parsing strings; the wire form (<c>"rules"</c>, <c>"llm:openai:gpt-4o-mini"</c>) is
/// produced by <see cref="ToString"/> and read by <see cref="Parse"/>, and nowhere else.
/// </summary>
[JsonConverter(typeof(AnswerSourceJsonConverter))]
public readonly record struct AnswerSource
{
    private const string RulesWire = "rules";
    private const string ModelPrefix = "llm:";

    private AnswerSource(AnswerKind kind, BackendId backend, string? model)
    {
        Kind = kind;
        Backend = backend;
        Model = model;
    }

    /// <summary>The rule parser (the default value).</summary>
    public static AnswerSource Rules => default;

    public AnswerKind Kind { get; }

    /// <summary>The backend that answered; default for <see cref="AnswerKind.Rules"/>.</summary>
    public BackendId Backend { get; }

    /// <summary>The model that answered; null for <see cref="AnswerKind.Rules"/>.</summary>
    public string? Model { get; }

    /// <summary>True when a model answered (fresh or from the cache).</summary>
    public bool IsModel => Kind == AnswerKind.Model;

    /// <summary>A model's answer.</summary>
    /// <exception cref="ArgumentException"><paramref name="model"/> is empty.</exception>
    public static AnswerSource FromModel(BackendId backend, string model)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        ArgumentException.ThrowIfNullOrEmpty(backend.Name, nameof(backend));
        return new(AnswerKind.Model, backend, model);
    }

    /// <summary>"backend:model" for a model answer (the service label), "rules" for the rule parser.</summary>
    public string Label => IsModel ? $"{Backend.Name}:{Model}" : RulesWire;

    /// <summary>The wire form: <c>rules</c> or <c>llm:&lt;backend&gt;:&lt;model&gt;</c>.</summary>
    public override string ToString() => IsModel ? ModelPrefix + Label : RulesWire;

    /// <summary>Reads the wire form written by <see cref="ToString"/>. The model part may itself contain ':'.</summary>
    public static bool TryParse([NotNullWhen(true)] string? text, out AnswerSource source)
    {
        source = Rules;
        if (text is null)
        {
            return false;
        }

        if (text == RulesWire)
        {
            return true;
        }

        if (!text.StartsWith(ModelPrefix, StringComparison.Ordinal))
        {
            return false;
        }

        var rest = text.AsSpan(ModelPrefix.Length);
        var colon = rest.IndexOf(':');
        if (colon <= 0 || colon == rest.Length - 1)
        {
            return false;
        }

        var backend = rest[..colon].ToString();
        var model = rest[(colon + 1)..].ToString();
        if (backend.Any(c => char.IsUpper(c) || char.IsWhiteSpace(c)) || string.IsNullOrWhiteSpace(model))
        {
            return false;
        }

        source = new(AnswerKind.Model, new BackendId(backend), model);
        return true;
    }

    /// <summary>A model's answer from its "backend:model" label (as test doubles and service names carry it).</summary>
    /// <exception cref="FormatException">The label is not "backend:model".</exception>
    public static AnswerSource FromLabel(string label) => Parse(ModelPrefix + label);

    /// <inheritdoc cref="TryParse"/>
    /// <exception cref="FormatException">The text is not a source's wire form.</exception>
    public static AnswerSource Parse(string text) =>
        TryParse(text, out var source) ? source : throw new FormatException($"'{text}' is not an answer source (expected \"rules\" or \"llm:<backend>:<model>\").");
}
