using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Episodic.Llm.Metrics;

/// <summary>
/// Collects the "Episodic" meter's measurements for one CLI run (<c>parse --stats</c>) with a
/// <see cref="MeterListener"/>, so the pipeline reports through its metrics only and needs no second counting path.
/// Thread-safe: measurements arrive from whatever threads record them. Dispose to stop listening.
/// </summary>
public sealed class RunStatistics : IDisposable
{
    private readonly Lock gate = new();
    private readonly MeterListener listener = new();
    private readonly Func<Meter, bool> accepts;
    private readonly long started = Stopwatch.GetTimestamp();
    private readonly Dictionary<string, long> namesByTier = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> requestsByOutcome = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long> breakerTransitions = new(StringComparer.Ordinal);
    // Raw latencies for exact percentiles: a run makes at most thousands of requests, so this stays small.
    private readonly List<double> latencies = [];
    private long retries;
    private long cacheHits;
    private long cacheMisses;
    private long inputTokens;
    private long outputTokens;
    private double cost;
    private long fallbacks;
    private long rejected;

    private RunStatistics(Func<Meter, bool> accepts)
    {
        this.accepts = accepts;
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (this.accepts(instrument.Meter))
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => OnMeasurement(instrument.Name, value, tags));
        listener.Start();
    }

    /// <summary>Listens to exactly this <see cref="EpisodicMetrics"/> instance (what tests want: no cross-talk).</summary>
    public static RunStatistics Start(EpisodicMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        var meter = metrics.Meter;
        return new RunStatistics(m => ReferenceEquals(m, meter));
    }

    /// <summary>Listens to every meter of this name in the process (the CLI has one).</summary>
    public static RunStatistics Start(string meterName = EpisodicMetrics.MeterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(meterName);
        return new RunStatistics(m => m.Name == meterName);
    }

    public RunSummary Snapshot()
    {
        lock (gate)
        {
            return new RunSummary
            {
                Elapsed = Stopwatch.GetElapsedTime(started),
                NamesByTier = new Dictionary<string, long>(namesByTier),
                RequestsByOutcome = new Dictionary<string, long>(requestsByOutcome),
                Retries = retries,
                BreakerTransitions = new Dictionary<string, long>(breakerTransitions),
                CacheHits = cacheHits,
                CacheMisses = cacheMisses,
                InputTokens = inputTokens,
                OutputTokens = outputTokens,
                CostUsd = cost,
                Fallbacks = fallbacks,
                Rejected = rejected,
                LatenciesMs = [.. latencies],
            };
        }
    }

    /// <summary>Nearest-rank percentile (<paramref name="fraction"/> in [0, 1]); null for no values.</summary>
    public static double? Percentile(IReadOnlyList<double> values, double fraction)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(Math.Clamp(fraction, 0, 1) * sorted.Length);
        return sorted[Math.Max(rank, 1) - 1];
    }

    public void Dispose() => listener.Dispose();

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string key)
    {
        foreach (var tag in tags)
        {
            if (tag.Key == key)
            {
                return tag.Value?.ToString() ?? "";
            }
        }

        return "";
    }

    private static void Increment(Dictionary<string, long> counts, string key, long by) =>
        counts[key] = counts.GetValueOrDefault(key) + by;

    private void OnMeasurement(string instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        // Tags are read before taking the lock; the span cannot be captured.
        var key = instrument switch
        {
            EpisodicMetrics.NamesInstrument => Tag(tags, "tier"),
            EpisodicMetrics.RequestsInstrument => Tag(tags, "outcome"),
            EpisodicMetrics.BreakerTransitionsInstrument => Tag(tags, "state"),
            _ => "",
        };
        lock (gate)
        {
            switch (instrument)
            {
                case EpisodicMetrics.NamesInstrument:
                    Increment(namesByTier, key, (long)value);
                    break;
                case EpisodicMetrics.RequestsInstrument:
                    Increment(requestsByOutcome, key, (long)value);
                    break;
                case EpisodicMetrics.BreakerTransitionsInstrument:
                    Increment(breakerTransitions, key, (long)value);
                    break;
                case EpisodicMetrics.RetriesInstrument:
                    retries += (long)value;
                    break;
                case EpisodicMetrics.CacheHitsInstrument:
                    cacheHits += (long)value;
                    break;
                case EpisodicMetrics.CacheMissesInstrument:
                    cacheMisses += (long)value;
                    break;
                case EpisodicMetrics.InputTokensInstrument:
                    inputTokens += (long)value;
                    break;
                case EpisodicMetrics.OutputTokensInstrument:
                    outputTokens += (long)value;
                    break;
                case EpisodicMetrics.CostInstrument:
                    cost += value;
                    break;
                case EpisodicMetrics.FallbacksInstrument:
                    fallbacks += (long)value;
                    break;
                case EpisodicMetrics.RejectedInstrument:
                    rejected += (long)value;
                    break;
                case EpisodicMetrics.LatencyInstrument:
                    latencies.Add(value);
                    break;
                default:
                    // Confidence and any future instrument: not part of the run summary.
                    break;
            }
        }
    }
}
