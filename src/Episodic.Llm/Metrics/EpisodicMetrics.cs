using System.Diagnostics;
using System.Diagnostics.Metrics;
using Episodic.Core.Model;

namespace Episodic.Llm.Metrics;

/// <summary>
/// The "Episodic" meter (System.Diagnostics.Metrics, OpenTelemetry-compatible). One instance per process is enough;
/// tests create their own and listen with a MeterListener. Instrument names follow OTel conventions.
/// </summary>
public sealed class EpisodicMetrics : IDisposable
{
    public const string MeterName = "Episodic";

    // Instrument names, for listeners (RunStatistics) and exporters.
    public const string NamesInstrument = "episodic.names";

    public const string RequestsInstrument = "episodic.llm.requests";

    public const string RetriesInstrument = "episodic.llm.retries";

    public const string BreakerTransitionsInstrument = "episodic.llm.breaker.transitions";

    public const string CacheHitsInstrument = "episodic.cache.hits";

    public const string CacheMissesInstrument = "episodic.cache.misses";

    public const string InputTokensInstrument = "episodic.llm.tokens.input";

    public const string OutputTokensInstrument = "episodic.llm.tokens.output";

    public const string CostInstrument = "episodic.llm.cost";

    public const string FallbacksInstrument = "episodic.fallbacks";

    public const string LatencyInstrument = "episodic.llm.latency";

    public const string ConfidenceInstrument = "episodic.confidence";

    public const string RejectedInstrument = "episodic.llm.rejected";

    private readonly Meter _meter;
    private readonly Counter<long> _names;
    private readonly Counter<long> _requests;
    private readonly Counter<long> _retries;
    private readonly Counter<long> _breaker;
    private readonly Counter<long> _cacheHits;
    private readonly Counter<long> _cacheMisses;
    private readonly Counter<long> _inputTokens;
    private readonly Counter<long> _outputTokens;
    private readonly Counter<double> _cost;
    private readonly Counter<long> _fallbacks;
    private readonly Histogram<double> _latency;
    private readonly Histogram<double> _confidence;
    private readonly Counter<long> _rejected;

    public EpisodicMetrics(IMeterFactory? factory = null)
    {
        _meter = factory?.Create(MeterName) ?? new Meter(MeterName);
        _names = _meter.CreateCounter<long>(NamesInstrument, "{name}", "Names answered, by tier (rules, llm:<backend>:<model>, cache).");
        _requests = _meter.CreateCounter<long>(RequestsInstrument, "{request}", "Provider requests, by backend, model and outcome.");
        _retries = _meter.CreateCounter<long>(RetriesInstrument, "{retry}", "Retried provider attempts, by backend and reason.");
        _breaker = _meter.CreateCounter<long>(BreakerTransitionsInstrument, "{transition}", "Circuit breaker state changes, by backend and state.");
        _cacheHits = _meter.CreateCounter<long>(CacheHitsInstrument, "{hit}", "Answers served from the cache.");
        _cacheMisses = _meter.CreateCounter<long>(CacheMissesInstrument, "{miss}", "Cache lookups that found nothing.");
        _inputTokens = _meter.CreateCounter<long>(InputTokensInstrument, "{token}", "Prompt tokens reported by providers.");
        _outputTokens = _meter.CreateCounter<long>(OutputTokensInstrument, "{token}", "Completion tokens reported by providers.");
        _cost = _meter.CreateCounter<double>(CostInstrument, "USD", "Estimated cost from the price table.");
        _fallbacks = _meter.CreateCounter<long>(FallbacksInstrument, "{fallback}", "Answers that fell back to another tier, by reason.");
        _latency = _meter.CreateHistogram<double>(LatencyInstrument, "ms", "Provider request latency.");
        _confidence = _meter.CreateHistogram<double>(ConfidenceInstrument, "1", "Confidence of the answers returned.");
        _rejected = _meter.CreateCounter<long>(RejectedInstrument, "{answer}", "Model answers rejected by validation or grounding (after the re-ask), by backend.");
    }

    /// <summary>The meter behind the instruments, so a listener can pick exactly this instance.</summary>
    public Meter Meter => _meter;

    /// <summary>One name answered; the tier tag is the source's wire form ("rules", "llm:openai:gpt-4o-mini").</summary>
    public void NameAnswered(AnswerSource source, double confidence)
    {
        var tier = source.ToString();
        _names.Add(1, new KeyValuePair<string, object?>("tier", tier));
        _confidence.Record(confidence, new KeyValuePair<string, object?>("tier", tier));
    }

    public void Request(string backend, string model, string outcome, double latencyMs)
    {
        var tags = new TagList { { "backend", backend }, { "model", model }, { "outcome", outcome } };
        _requests.Add(1, tags);
        _latency.Record(latencyMs, tags);
    }

    public void Retry(string backend, string reason) => _retries.Add(1, new TagList { { "backend", backend }, { "reason", reason } });

    public void BreakerChanged(string backend, string state) => _breaker.Add(1, new TagList { { "backend", backend }, { "state", state } });

    public void CacheHit(string layer) => _cacheHits.Add(1, new KeyValuePair<string, object?>("layer", layer));

    public void CacheMiss() => _cacheMisses.Add(1);

    public void Tokens(string backend, string model, long input, long output, double costUsd)
    {
        var tags = new TagList { { "backend", backend }, { "model", model } };
        _inputTokens.Add(input, tags);
        _outputTokens.Add(output, tags);
        if (costUsd > 0)
        {
            _cost.Add(costUsd, tags);
        }
    }

    /// <summary>A backend's answer for one name failed validation or grounding, so the name is not answered by it.</summary>
    public void AnswerRejected(string backend) => _rejected.Add(1, new KeyValuePair<string, object?>("backend", backend));

    public void Fallback(string reason) => _fallbacks.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void Dispose() => _meter.Dispose();
}
