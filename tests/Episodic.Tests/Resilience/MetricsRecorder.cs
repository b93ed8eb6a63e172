using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Episodic.Llm.Metrics;

namespace Episodic.Tests.Resilience;

/// <summary>
/// An <see cref="EpisodicMetrics"/> whose meter is scoped to this recorder, plus a listener for exactly that meter,
/// so tests running in parallel never see each other's measurements.
/// </summary>
internal sealed class MetricsRecorder : IMeterFactory
{
    public const string Retries = "episodic.llm.retries";
    public const string BreakerTransitions = "episodic.llm.breaker.transitions";

    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, long Value, Dictionary<string, string?> Tags)> measurements = new();

    public MetricsRecorder()
    {
        Metrics = new EpisodicMetrics(this);
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter.Scope, this))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var map = new Dictionary<string, string?>();
            foreach (var tag in tags)
            {
                map[tag.Key] = tag.Value?.ToString();
            }

            measurements.Enqueue((instrument.Name, value, map));
        });
        listener.Start();
    }

    public EpisodicMetrics Metrics { get; }

    /// <summary>Values of a tag over all measurements of an instrument, in order.</summary>
    public IReadOnlyList<string?> TagValues(string instrument, string tag) =>
        [.. measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags.GetValueOrDefault(tag))];

    public Meter Create(MeterOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return new Meter(new MeterOptions(options.Name) { Version = options.Version, Tags = options.Tags, Scope = this });
    }

    public void Dispose()
    {
        listener.Dispose();
        Metrics.Dispose();
    }
}
