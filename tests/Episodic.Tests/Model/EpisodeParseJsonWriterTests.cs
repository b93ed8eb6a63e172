using System.Text.Json;
using System.Text.Json.Serialization;
using Episodic.Cli.Output;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests.Model;

/// <summary>
/// The CLI writes json/jsonl records field by field (<see cref="EpisodeParseJsonWriter"/>) instead of through the
/// source-generated contract: the two must stay the same bytes, field for field, and refuse the same records.
/// </summary>
public sealed class EpisodeParseJsonWriterTests
{
    /// <summary>
    /// Each optional field of the record, with a value that differs from its default (the unset value). Every subset
    /// of these set is a record the writer must write as the contract does, so a field the writer leaves out, misnames,
    /// misplaces or writes in another form shows up as a difference.
    /// </summary>
    private static readonly (string Property, Func<EpisodeParse, EpisodeParse> Set)[] Optional =
    [
        (nameof(EpisodeParse.ShowName), p => p with { ShowName = "Café 🎬 \"q\"" }),
        (nameof(EpisodeParse.Year), p => p with { Year = 2019 }),
        (nameof(EpisodeParse.Season), p => p with { Season = 0 }),
        (nameof(EpisodeParse.Episodes), p => p with { Episodes = [3, 4] }),
        (nameof(EpisodeParse.AbsoluteEpisodes), p => p with { AbsoluteEpisodes = [1000] }),
        (nameof(EpisodeParse.AirDate), p => p with { AirDate = new DateOnly(2024, 2, 29) }),
        (nameof(EpisodeParse.FullSeason), p => p with { FullSeason = true }),
        (nameof(EpisodeParse.Special), p => p with { Special = true }),
        (nameof(EpisodeParse.Crc32), p => p with { Crc32 = "ABCD1234" }),
        (nameof(EpisodeParse.ReleaseGroup), p => p with { ReleaseGroup = "Grp" }),
        (nameof(EpisodeParse.Version), p => p with { Version = 2 }),
        (nameof(EpisodeParse.Confidence), p => p with { Confidence = 0.8765 }),
        (nameof(EpisodeParse.Source), p => p with { Source = AnswerSource.Parse("llm:ollama:qwen2.5:7b") }),
        (nameof(EpisodeParse.Reasoning), p => p with { Reasoning = "S01E03 marker" }),
    ];

    [Fact]
    public void The_variations_cover_every_settable_field_of_the_contract()
    {
        // A field added to the record must be added to Optional, or the test below would not vary it.
        var settable = typeof(EpisodeParse).GetProperties()
            .Where(p => p.SetMethod is not null && p.GetCustomAttributes(typeof(JsonIgnoreAttribute), true).Length == 0)
            .Select(p => p.Name)
            .Where(n => n != nameof(EpisodeParse.Input));

        Assert.Equal(settable.Order(StringComparer.Ordinal), Optional.Select(o => o.Property).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_combination_of_optional_fields_set_and_unset_is_written_as_the_contract_writes_it()
    {
        using var fragment = new JsonFragmentWriter();
        var fieldCounts = new HashSet<int>();
        for (var mask = 0; mask < 1 << Optional.Length; mask++)
        {
            var record = new EpisodeParse { Input = $"name {mask}" };
            for (var i = 0; i < Optional.Length; i++)
            {
                record = (mask & (1 << i)) != 0 ? Optional[i].Set(record) : record;
            }

            var expected = EpisodeParseJson.ToJson(record);
            Assert.Equal(expected, Write(fragment, record));
            using var parsed = JsonDocument.Parse(expected);
            fieldCounts.Add(parsed.RootElement.EnumerateObject().Count());
        }

        // The contract writes every field, set or not (nulls included): the optional ones, input and the derived episode.
        Assert.Equal(Optional.Length + 2, Assert.Single(fieldCounts));
    }

    /// <summary>Records the contract refuses to write: nulls in non-nullable fields, confidences JSON has no number for.</summary>
    private static readonly Dictionary<string, EpisodeParse> Refused = new()
    {
        ["null input"] = new EpisodeParse { Input = null! },
        ["null reasoning"] = new EpisodeParse { Input = "x", Reasoning = null! },
        ["null absolute episodes"] = new EpisodeParse { Input = "x", AbsoluteEpisodes = null! },
        ["null episodes"] = new EpisodeParse { Input = "x", Episodes = null! },
        ["NaN confidence"] = new EpisodeParse { Input = "x", Confidence = double.NaN },
        ["infinite confidence"] = new EpisodeParse { Input = "x", Confidence = double.PositiveInfinity },
    };

    public static TheoryData<string> RefusedNames() => [.. Refused.Keys];

    [Theory]
    [MemberData(nameof(RefusedNames))]
    public void A_record_the_contract_refuses_is_refused_alike_and_the_writer_stays_usable(string name)
    {
        using var fragment = new JsonFragmentWriter();

        var contract = Record.Exception(() => EpisodeParseJson.ToJson(Refused[name]));
        var written = Record.Exception(() => Write(fragment, Refused[name]));

        Assert.NotNull(contract);
        Assert.IsType(contract.GetType(), written);
        var next = new EpisodeParse { Input = "after", Episodes = [1] };
        Assert.Equal(EpisodeParseJson.ToJson(next), Write(fragment, next));
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
