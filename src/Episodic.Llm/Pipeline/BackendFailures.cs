using System.Collections.Concurrent;

namespace Episodic.Llm.Pipeline;

/// <summary>
/// What went wrong with each backend during a run, so a dead backend is visible at the end of <c>parse</c> or
/// <c>route</c> ("openai: 60 of 60 requests failed (connection refused); the rule parser answered 60 name(s)") and
/// <c>--strict</c> can fail the run. Thread-safe: the pipeline calls backends concurrently.
/// </summary>
public sealed class BackendFailures
{
    private readonly ConcurrentDictionary<string, Tally> _tallies = new(StringComparer.Ordinal);
    private int _rulesAnswered;

    /// <summary>Failed requests over all backends.</summary>
    public int Failed => _tallies.Values.Sum(t => t.Failed);

    /// <summary>Names that were sent to a backend that failed and ended with the rule parser's answer.</summary>
    public int RulesAnswered => Volatile.Read(ref _rulesAnswered);

    internal void Request(string backend) => Interlocked.Increment(ref Of(backend).Requests);

    internal void Failure(string backend, string kind)
    {
        var tally = Of(backend);
        Interlocked.Increment(ref tally.Failed);
        tally.Kinds.AddOrUpdate(kind, 1, (_, n) => n + 1);
    }

    /// <summary>True the first time a backend is found with its circuit open (so the caller says so once).</summary>
    internal bool CircuitOpened(string backend) => Interlocked.Exchange(ref Of(backend).CircuitReported, 1) == 0;

    internal void AnsweredByRules() => Interlocked.Increment(ref _rulesAnswered);

    /// <summary>One line per backend with failures; empty when every request succeeded.</summary>
    public IReadOnlyList<string> Summary()
    {
        var lines = new List<string>();
        foreach (var (name, tally) in _tallies.OrderBy(t => t.Key, StringComparer.Ordinal))
        {
            if (tally.Failed == 0)
            {
                continue;
            }

            var kinds = string.Join(", ", tally.Kinds.OrderByDescending(k => k.Value).ThenBy(k => k.Key, StringComparer.Ordinal).Select(k => tally.Kinds.Count == 1 ? k.Key : $"{k.Key} ×{k.Value}"));
            lines.Add($"{name}: {tally.Failed} of {Math.Max(tally.Requests, tally.Failed)} requests failed ({kinds})");
        }

        if (lines.Count > 0)
        {
            lines[^1] += RulesAnswered > 0 ? $"; the rule parser answered {RulesAnswered} name(s)" : "; another backend answered";
        }

        return lines;
    }

    private Tally Of(string backend) => _tallies.GetOrAdd(backend, _ => new Tally());

    private sealed class Tally
    {
        public readonly ConcurrentDictionary<string, int> Kinds = new(StringComparer.Ordinal);
        public int Requests;
        public int Failed;
        public int CircuitReported;
    }
}
