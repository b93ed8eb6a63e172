namespace Episodic.Llm.Metrics;

/// <summary>What one model costs, in US dollars per one million tokens.</summary>
public readonly record struct ModelPrice(double InputPerMillion, double OutputPerMillion)
{
    public static ModelPrice Free { get; } = new(0, 0);

    public double Cost(long inputTokens, long outputTokens) =>
        ((Math.Max(0, inputTokens) * InputPerMillion) + (Math.Max(0, outputTokens) * OutputPerMillion)) / 1_000_000d;
}
