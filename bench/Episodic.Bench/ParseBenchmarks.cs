using BenchmarkDotNet.Attributes;
using Episodic.Core.Parsing;

namespace Episodic.Bench;

/// <summary>Parses every dev-corpus name once per operation; <see cref="NamesPerSecondColumn"/> turns that into names/s.</summary>
[MemoryDiagnoser]
public class ParseBenchmarks
{
    private string[] _names = [];

    [GlobalSetup]
    public void Setup() => _names = CorpusNames.All;

    [Benchmark(Description = "parse dev corpus (all names)")]
    public int ParseAll()
    {
        var parser = RuleParser.Default;
        var episodes = 0;
        foreach (var name in _names)
        {
            if (parser.Parse(name).IsEpisode)
            {
                episodes++;
            }
        }

        return episodes;
    }
}
