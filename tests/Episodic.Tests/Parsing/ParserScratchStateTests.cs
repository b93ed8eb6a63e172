using Episodic.Core.Evaluation;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Core.Parsing.Confidence;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The rule parser reuses per-thread scratch buffers (title segments, the feature vector, the reasoning buffer) to keep
/// garbage off the hot path. Reuse must never carry one name's state into the next: every name parsed after others,
/// again after itself, and from several threads at once must read exactly as it does alone in a fresh parser.
/// </summary>
public sealed class ParserScratchStateTests
{
    private static readonly DateOnly Today = new(2026, 1, 15);

    private static string[] CorpusNames() =>
        [.. Directory.GetFiles(TestPaths.DevCorpusDir, "*.tsv").Order(StringComparer.Ordinal)
            .SelectMany(CorpusReader.Read).Select(r => r.Filename).Distinct(StringComparer.Ordinal)];

    /// <summary>Everything a parse says, doubts and rival included, as one comparable string.</summary>
    private static string Describe(EpisodeParse p) =>
        EpisodeParseJson.ToJson(p) + "|" + string.Join(",", p.Doubts?.Doubts ?? []) + "|" + p.Doubts?.Rival?.Description + "|" + string.Join(",", p.Doubts?.DisputedFields ?? []);

    /// <summary>Each name alone, in its own fresh parser: the reference the reused-buffer runs must equal.</summary>
    private static string Fresh(string name) => Describe(new RuleParser(() => Today).Parse(name));

    [Fact]
    public void Names_parsed_after_other_names_read_as_they_do_alone()
    {
        var names = CorpusNames();
        Assert.True(names.Length > 1000, $"only {names.Length} corpus names");
        var parser = new RuleParser(() => Today);

        // Forwards, backwards, then forwards again: each name follows different names each time (A, B, A).
        var forwards = names.Select(n => Describe(parser.Parse(n))).ToArray();
        var backwards = names.Reverse().Select(n => Describe(parser.Parse(n))).Reverse().ToArray();
        var again = names.Select(n => Describe(parser.Parse(n))).ToArray();
        for (var i = 0; i < names.Length; i++)
        {
            var alone = Fresh(names[i]);
            Assert.Equal(alone, forwards[i]);
            Assert.Equal(alone, backwards[i]);
            Assert.Equal(alone, again[i]);
        }
    }

    /// <summary>
    /// A new parser does not make new scratch buffers (they are per thread, not per parser), so "alone" above is read on
    /// a thread that has parsed other names. Here each sampled name is read on a thread of its own, whose buffers have
    /// never been used, and must equal the reading on a thread that has just parsed the whole corpus.
    /// </summary>
    [Fact]
    public void Names_read_on_a_thread_that_never_parsed_equal_those_read_after_the_corpus()
    {
        var names = CorpusNames();
        var parser = new RuleParser(() => Today);
        var warm = names.Select(n => Describe(parser.Parse(n))).ToArray();
        for (var i = 0; i < names.Length; i += 5)
        {
            var name = names[i];
            string? cold = null;
            var thread = new Thread(() => cold = Fresh(name));
            thread.Start();
            thread.Join();
            Assert.Equal(cold, warm[i]);
        }
    }

    [Fact]
    public void Names_parsed_on_several_threads_at_once_read_as_they_do_alone()
    {
        var names = CorpusNames();
        var expected = names.Select(Fresh).ToArray();
        var parser = new RuleParser(() => Today);
        var results = new string[4][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = results.Length }, t =>
        {
            // Each thread walks the names from a different offset, so the threads interleave different names.
            var mine = new string[names.Length];
            for (var k = 0; k < names.Length; k++)
            {
                var i = (k + t * names.Length / results.Length) % names.Length;
                mine[i] = Describe(parser.Parse(names[i]));
            }

            results[t] = mine;
        });

        foreach (var run in results)
        {
            Assert.Equal(expected, run);
        }
    }

    [Fact]
    public void Features_kept_for_evaluation_equal_those_the_confidence_was_scored_from()
    {
        // Parse scores from a vector on the stack; ParseDetailed returns its own array. Both must give the same confidence.
        var parser = new RuleParser(() => Today);
        var scored = 0;
        foreach (var name in CorpusNames())
        {
            var (detailed, features) = parser.ParseDetailed(name, ConfidenceWeights.Embedded);
            var plain = parser.Parse(name);
            Assert.Equal(Describe(plain), Describe(detailed));
            if (features is not null)
            {
                Assert.Equal(ConfidenceFeatures.Count, features.Length);
                scored++;
            }
        }

        Assert.True(scored > 1000, $"only {scored} names were scored");
    }
}
