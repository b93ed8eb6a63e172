using System.Globalization;
using System.Text.RegularExpressions;
using Episodic.Llm.Providers;

namespace Episodic.Llm.Metrics;

/// <summary>
/// Model prices for the cost estimate of a run. The shipped table is a dated ESTIMATE copied by hand from the
/// providers' public price pages; prices change, so check them and override under <c>[prices]</c>
/// (<c>model = input_usd_per_1m, output_usd_per_1m</c>). Unknown models cost 0, so a cost shown is a lower bound.
/// </summary>
public sealed partial class PriceTable
{
    /// <summary>When <see cref="Defaults"/> was last checked against the providers' price pages.</summary>
    public const string DefaultsAsOf = "2026-11";

    /// <summary>
    /// The shipped estimates, USD per 1M input / output tokens, as of <see cref="DefaultsAsOf"/>. Local Ollama models
    /// are free and are not listed (see <see cref="Cost(BackendKind, string, long, long)"/>).
    /// </summary>
    public static IReadOnlyDictionary<string, ModelPrice> Defaults { get; } = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase)
    {
        ["gpt-4o-mini"] = new(0.15, 0.60),
        ["gpt-4o"] = new(2.50, 10.00),
        ["gpt-4.1"] = new(2.00, 8.00),
        ["gpt-4.1-mini"] = new(0.40, 1.60),
        ["gpt-4.1-nano"] = new(0.10, 0.40),
        ["gpt-5-mini"] = new(0.25, 2.00),
        ["gpt-5-nano"] = new(0.05, 0.40),
        ["claude-3-5-haiku-latest"] = new(0.80, 4.00),
        ["claude-3-5-haiku"] = new(0.80, 4.00),
        ["claude-haiku-4-5"] = new(1.00, 5.00),
        ["claude-sonnet-4-5"] = new(3.00, 15.00),
        ["claude-sonnet-4-0"] = new(3.00, 15.00),
    };

    /// <summary>The shipped table without overrides.</summary>
    public static PriceTable Default { get; } = new(Defaults);

    private readonly Dictionary<string, ModelPrice> prices;

    public PriceTable(IEnumerable<KeyValuePair<string, ModelPrice>> prices)
    {
        this.prices = new Dictionary<string, ModelPrice>(StringComparer.OrdinalIgnoreCase);
        foreach (var (model, price) in prices)
        {
            this.prices[model.Trim()] = price;
        }
    }

    /// <summary>The models with a price, defaults and overrides alike.</summary>
    public IReadOnlyCollection<string> Models => prices.Keys;

    /// <summary>
    /// The shipped table with <c>[prices]</c> overrides applied (<c>PipelineSettings.Prices</c>). A bad value is left
    /// out (the shipped price, if any, stays) and reported in <paramref name="problems"/>, naming its key.
    /// </summary>
    public static PriceTable WithOverrides(IReadOnlyDictionary<string, string>? overrides, out IReadOnlyList<string> problems)
    {
        var merged = new Dictionary<string, ModelPrice>(Defaults, StringComparer.OrdinalIgnoreCase);
        var found = new List<string>();
        foreach (var (model, value) in overrides ?? new Dictionary<string, string>())
        {
            if (TryParse(value, out var price))
            {
                merged[model.Trim()] = price;
            }
            else
            {
                found.Add($"[prices] {model} = '{value}' is not two non-negative numbers; write input and output USD per 1M tokens, e.g. {model} = 0.15, 0.60.");
            }
        }

        problems = found;
        return new PriceTable(merged);
    }

    /// <summary>Reads "0.15, 0.60" (input, output USD per 1M tokens; invariant culture).</summary>
    public static bool TryParse(string? value, out ModelPrice price)
    {
        price = default;
        var parts = value?.Split(',', StringSplitOptions.TrimEntries) ?? [];
        if (parts.Length != 2
            || !double.TryParse(parts[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var input)
            || !double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out var output)
            || !double.IsFinite(input) || !double.IsFinite(output) || input < 0 || output < 0)
        {
            return false;
        }

        price = new ModelPrice(input, output);
        return true;
    }

    public bool Knows(string model) => TryGetPrice(model, out _);

    /// <summary>
    /// The price of <paramref name="model"/>. A dated snapshot ("gpt-4o-mini-2024-07-18", "claude-haiku-4-5-20251001")
    /// falls back to its alias, since providers answer with the snapshot id while configs name the alias.
    /// </summary>
    public bool TryGetPrice(string model, out ModelPrice price)
    {
        price = default;
        if (string.IsNullOrWhiteSpace(model))
        {
            return false;
        }

        model = model.Trim();
        if (prices.TryGetValue(model, out price))
        {
            return true;
        }

        var match = SnapshotSuffix().Match(model);
        return match.Success && prices.TryGetValue(model[..match.Index], out price);
    }

    /// <summary>Estimated USD for one request; 0 for an unknown model.</summary>
    public double Cost(string model, long inputTokens, long outputTokens) =>
        TryGetPrice(model, out var price) ? price.Cost(inputTokens, outputTokens) : 0;

    /// <summary>As <see cref="Cost(string, long, long)"/>, except that Ollama (local) is always free.</summary>
    public double Cost(BackendKind backend, string model, long inputTokens, long outputTokens) =>
        backend == BackendKind.Ollama ? 0 : Cost(model, inputTokens, outputTokens);

    // "-2024-07-18" (OpenAI) or "-20251001" (Anthropic) at the end of a model id.
    [GeneratedRegex(@"-(\d{4}-\d{2}-\d{2}|\d{8})$", RegexOptions.CultureInvariant)]
    private static partial Regex SnapshotSuffix();
}
