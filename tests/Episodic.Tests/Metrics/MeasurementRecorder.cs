using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using Episodic.Llm.Metrics;

namespace Episodic.Tests.Metrics;

/// <summary>Records the tags of every measurement of one <see cref="EpisodicMetrics"/> instance, for tag assertions.</summary>
internal sealed class MeasurementRecorder : IDisposable
{
    private readonly MeterListener listener = new();
    private readonly ConcurrentQueue<(string Instrument, Dictionary<string, string?> Tags)> measurements = new();

    public MeasurementRecorder(EpisodicMetrics metrics)
    {
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (ReferenceEquals(instrument.Meter, metrics.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, _, tags, _) => Record(i, tags));
        listener.SetMeasurementEventCallback<double>((i, _, tags, _) => Record(i, tags));
        listener.Start();
    }

    public IEnumerable<Dictionary<string, string?>> Tags(string instrument) =>
        measurements.Where(m => m.Instrument == instrument).Select(m => m.Tags);

    public void Dispose() => listener.Dispose();

    private void Record(Instrument instrument, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var copy = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            copy[tag.Key] = tag.Value?.ToString();
        }

        measurements.Enqueue((instrument.Name, copy));
    }
}
