using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Core.Parsing.Confidence;
using Episodic.Llm.Answers;
using Episodic.Llm.Prompting;
using Episodic.Tests.Caching;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>
/// The hint's field table (<see cref="RulesHint.Fields"/>): every field a doubt or a rival can dispute has a row, every
/// row is a field of the answer schema, and each row writes its field when the reading has a value.
/// </summary>
public sealed class RulesHintFieldTests
{
    [Fact]
    public void Every_disputed_field_of_every_doubt_and_rival_has_a_row()
    {
        foreach (var doubt in Enum.GetValues<Doubt>())
        {
            foreach (var field in new RuleDoubts([doubt], null).DisputedFields)
            {
                Assert.True(RulesHint.FieldsByName.ContainsKey(field), $"{doubt} disputes '{field}', which the hint table lacks");
            }
        }

        foreach (var kind in Enum.GetValues<RivalKind>())
        {
            foreach (var field in new RuleDoubts([], new RivalReading(kind, 1, [2], null, "rival")).DisputedFields)
            {
                Assert.True(RulesHint.FieldsByName.ContainsKey(field), $"rival {kind} disputes '{field}', which the hint table lacks");
            }
        }
    }

    [Fact]
    public void Every_row_is_a_field_of_the_answer_schema()
    {
        var properties = AnswerSchemas.Parse.GetProperty("properties");
        foreach (var row in RulesHint.Fields)
        {
            Assert.True(properties.TryGetProperty(row.Name.Value, out _), $"'{row.Name.Value}' is not in the answer schema");
        }

        Assert.Equal(RulesHint.Fields.Length, RulesHint.FieldsByName.Count);

        // And the other way: every reading field of the schema has a row, in the schema's order (the answer's own
        // verdict, confidence and reasoning are not part of the rules' reading).
        string[] answerOnly = ["is_episode", "confidence", "reasoning"];
        var readingFields = properties.EnumerateObject().Select(p => p.Name).Where(n => !answerOnly.Contains(n));
        Assert.Equal(readingFields, RulesHint.Fields.Select(f => f.Name.Value));
    }

    [Fact]
    public void A_reading_with_every_field_set_is_written_whole_and_one_without_values_writes_none()
    {
        // A made-up reading with a value in every field the table knows.
        var full = Parses.Full("[SubsPlease] Shingeki no Kyojin S4 - 28-29 (87-88) v2 [ABCD1234].mkv");

        using var hint = JsonDocument.Parse(RulesHint.ForOneName(full)!);
        var reading = hint.RootElement.GetProperty("reading");
        Assert.Equal(RulesHint.Fields.Select(f => f.Name.Value), reading.EnumerateObject().Select(p => p.Name));
        Assert.Equal([87, 88], reading.GetProperty("absolute_episodes").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal("2022-03-06", reading.GetProperty("air_date").GetString());

        var bare = new EpisodeParse { Input = full.Input, Episodes = [1], Confidence = 0.9 };
        using var bareHint = JsonDocument.Parse(RulesHint.ForOneName(bare)!);
        Assert.Equal(["episodes"], bareHint.RootElement.GetProperty("reading").EnumerateObject().Select(p => p.Name));
    }
}
