using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Text;

namespace Episodic.Llm.Prompting;

/// <summary>
/// The rule parser's reading of a name as JSON data for the prompt (rules-first), so the model settles the rules'
/// doubt instead of re-reading the name blind: its confidence, its reading, the doubts it named and the rival
/// reading. Everything is JSON-escaped data inside the user message, and the answer is still validated and grounded
/// against the name, so a hint can neither inject instructions nor smuggle in a value the name does not hold.
/// </summary>
public static class RulesHint
{
    /// <summary>Escapes quotes, backslashes and control characters (so data cannot leave its string) but keeps letters as they are: CJK names stay cheap.</summary>
    internal static readonly JsonWriterOptions WriterOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>
    /// The hint for a one-name request: the whole reading (fields with a value), plus the disputed fields, doubts and
    /// rival when the parser named any. Null when the rules found no episode reading (there is nothing to confirm).
    /// </summary>
    public static string? ForOneName(EpisodeParse rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!rules.IsEpisode && !rules.Special)
        {
            return null;
        }

        return Write(json =>
        {
            json.WriteStartObject();
            json.WriteNumber("confidence", Math.Round(rules.Confidence, 2));
            json.WriteStartObject("reading");
            foreach (var field in AllFields)
            {
                if (HasValue(rules, field))
                {
                    WriteField(json, rules, field);
                }
            }

            json.WriteEndObject();
            if (rules.Doubts is { } doubts)
            {
                json.WriteStartArray("disputed");
                foreach (var field in doubts.DisputedFields)
                {
                    json.WriteStringValue(field);
                }

                json.WriteEndArray();
                WriteDoubts(json, doubts);
            }

            json.WriteEndObject();
        });
    }

    /// <summary>
    /// The hints for a batch, keyed by index: only names whose reading the parser doubted by name, and of those only
    /// the rules' values of the disputed fields and the rival's numbers (every name in a batch is below the threshold,
    /// and the system prompt says what such a hint means), so the batched request stays no larger per name than a
    /// bare list of names was. Null when no name has a named doubt.
    /// </summary>
    public static string? ForBatch(IReadOnlyList<EpisodeParse> rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        if (!rules.Any(r => r.Doubts is not null))
        {
            return null;
        }

        return Write(json =>
        {
            json.WriteStartObject();
            for (var i = 0; i < rules.Count; i++)
            {
                if (rules[i].Doubts is not { } doubts)
                {
                    continue;
                }

                json.WriteStartObject(i.ToString(CultureInfo.InvariantCulture));
                foreach (var field in doubts.DisputedFields)
                {
                    WriteField(json, rules[i], field);
                }

                WriteRival(json, doubts);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    private static readonly string[] AllFields =
        ["show_name", "year", "season", "episodes", "absolute_episodes", "air_date", "full_season", "special", "crc32", "release_group", "version"];

    private static void WriteDoubts(Utf8JsonWriter json, Core.Parsing.RuleDoubts doubts)
    {
        json.WriteStartArray("doubts");
        foreach (var text in doubts.Descriptions())
        {
            json.WriteStringValue(text);
        }

        json.WriteEndArray();
        WriteRival(json, doubts);
    }

    /// <summary>The rival reading's numbers, when it has any.</summary>
    private static void WriteRival(Utf8JsonWriter json, Core.Parsing.RuleDoubts doubts)
    {
        if (doubts.Rival is { } rival && (rival.Season is not null || rival.Episodes.Count > 0 || rival.AirDate is not null))
        {
            json.WriteStartObject("rival");
            if (rival.AirDate is not null)
            {
                json.WriteDateOrNull(JsonEncodedText.Encode("air_date"), rival.AirDate);
            }
            else
            {
                json.WriteNumberOrNull(JsonEncodedText.Encode("season"), rival.Season);
                json.WriteNumberArray(JsonEncodedText.Encode("episodes"), rival.Episodes);
            }

            json.WriteEndObject();
        }
    }

    private static bool HasValue(EpisodeParse p, string field) => field switch
    {
        "show_name" => p.ShowName is not null,
        "year" => p.Year is not null,
        "season" => p.Season is not null,
        "episodes" => p.Episodes.Count > 0,
        "absolute_episodes" => p.AbsoluteEpisodes.Count > 0,
        "air_date" => p.AirDate is not null,
        "full_season" => p.FullSeason,
        "special" => p.Special,
        "crc32" => p.Crc32 is not null,
        "release_group" => p.ReleaseGroup is not null,
        "version" => p.Version is not null,
        _ => false,
    };

    private static void WriteField(Utf8JsonWriter json, EpisodeParse p, string field)
    {
        var name = JsonEncodedText.Encode(field);
        switch (field)
        {
            case "show_name": json.WriteString(name, p.ShowName); break;
            case "year": json.WriteNumberOrNull(name, p.Year); break;
            case "season": json.WriteNumberOrNull(name, p.Season); break;
            case "episodes": json.WriteNumberArray(name, p.Episodes); break;
            case "absolute_episodes": json.WriteNumberArray(name, p.AbsoluteEpisodes); break;
            case "air_date": json.WriteDateOrNull(name, p.AirDate); break;
            case "full_season": json.WriteBoolean(name, p.FullSeason); break;
            case "special": json.WriteBoolean(name, p.Special); break;
            case "crc32": json.WriteString(name, p.Crc32); break;
            case "release_group": json.WriteString(name, p.ReleaseGroup); break;
            case "version": json.WriteNumberOrNull(name, p.Version); break;
            default: break;
        }
    }

    private static string Write(Action<Utf8JsonWriter> body)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions))
        {
            body(json);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
