using Episodic.Cli.Output;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Model;

/// <summary>
/// The CLI writes json/jsonl records field by field (<see cref="EpisodeParseJsonWriter"/>) instead of through the
/// source-generated contract: the two must stay the same bytes, field for field.
/// </summary>
public sealed class EpisodeParseJsonWriterTests
{
    [Fact]
    public void It_writes_the_contracts_fields_in_the_contracts_order()
    {
        // Every field the contract writes (nulls included), in its order.
        using var written = System.Text.Json.JsonDocument.Parse(EpisodeParseJson.ToJson(new EpisodeParse { Input = "x" }));
        var contract = written.RootElement.EnumerateObject().Select(p => p.Name);

        Assert.Equal(contract, EpisodeParseJsonWriter.FieldNames);
    }

    [Fact]
    public void Every_dev_corpus_name_is_written_as_the_contract_writes_it()
    {
        using var fragment = new JsonFragmentWriter();
        var count = 0;
        foreach (var file in TestPaths.DevCorpusNames())
        {
            foreach (var line in File.ReadLines(TestPaths.DevCorpus(file)).Skip(1))
            {
                var name = line.Split('\t')[2];
                var record = RuleParser.Default.Parse(name);
                Assert.Equal(EpisodeParseJson.ToJson(record), Write(fragment, record));
                count++;
            }
        }

        Assert.True(count > 1000, $"only {count} names");
    }

    public static TheoryData<EpisodeParse> Records() =>
    [
        new EpisodeParse { Input = "x" },
        new EpisodeParse
        {
            Input = "[Grp] 進撃の巨人 Café 🎬 \"quoted\" \\ back\tslash\u0001 - 03-05v2 (2019) [ABCD1234].mkv",
            ShowName = "進撃の巨人 Café 🎬 \"q\" <b>&amp;</b> '",
            Year = 2019,
            Season = 0,
            Episodes = [3, 4, 5],
            AbsoluteEpisodes = [1000, int.MaxValue],
            AirDate = new DateOnly(987, 1, 2),
            FullSeason = true,
            Special = true,
            Crc32 = "ABCD1234",
            ReleaseGroup = "Grp",
            Version = 2,
            Confidence = 1.0 / 3,
            Source = AnswerSource.Parse("llm:ollama:qwen2.5:7b"),
            Reasoning = "line\nbreak\u2028separator",
        },
        new EpisodeParse { Input = "y", AirDate = new DateOnly(2024, 12, 31), Confidence = 0.99951, Version = -1, Season = int.MinValue },
        new EpisodeParse { Input = "z", Confidence = 1e-9, Source = AnswerSource.Parse("llm:anthropic:claude") },
    ];

    [Theory]
    [MemberData(nameof(Records))]
    public void Edge_records_are_written_as_the_contract_writes_them(EpisodeParse record)
    {
        using var fragment = new JsonFragmentWriter();

        Assert.Equal(EpisodeParseJson.ToJson(record), Write(fragment, record));
        Assert.Equal(EpisodeParseJson.ToJson(record), Write(fragment, record)); // the reused writer starts clean
    }

    private static string Write(JsonFragmentWriter fragment, EpisodeParse record)
    {
        using var output = new StringWriter();
        fragment.WriteTo(output, record);
        return output.ToString();
    }
}
