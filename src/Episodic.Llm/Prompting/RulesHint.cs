using System.Collections.Frozen;
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
            foreach (var field in Fields)
            {
                if (field.HasValue(rules))
                {
                    field.WriteTo(json, rules);
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
                foreach (var name in doubts.DisputedFields)
                {
                    if (FieldsByName.TryGetValue(name, out var field))
                    {
                        field.WriteTo(json, rules[i]);
                    }
                }

                WriteRival(json, doubts);
                json.WriteEndObject();
            }

            json.WriteEndObject();
        });
    }

    /// <summary>
    /// One row per reading field a hint can carry, in the answer schema's terms and order: the JSON name (encoded once,
    /// not per field of every hint), whether the reading has a value, and how to write it. A field name the table lacks
    /// (none today; a test walks every doubt's fields) is left out of the hint rather than guessed.
    /// </summary>
    internal sealed record HintField(JsonEncodedText Name, Func<EpisodeParse, bool> HasValue, Action<Utf8JsonWriter, JsonEncodedText, EpisodeParse> Write)
    {
        /// <summary>Writes the field under its own name.</summary>
        public void WriteTo(Utf8JsonWriter json, EpisodeParse p) => Write(json, Name, p);
    }

    // The three names the rival shares with the reading, encoded once for both.
    private static readonly JsonEncodedText AirDate = JsonEncodedText.Encode("air_date");
    private static readonly JsonEncodedText Season = JsonEncodedText.Encode("season");
    private static readonly JsonEncodedText Episodes = JsonEncodedText.Encode("episodes");

    internal static readonly HintField[] Fields =
    [
        new(JsonEncodedText.Encode("show_name"), p => p.ShowName is not null, (j, n, p) => j.WriteString(n, p.ShowName)),
        new(JsonEncodedText.Encode("year"), p => p.Year is not null, (j, n, p) => j.WriteNumberOrNull(n, p.Year)),
        new(Season, p => p.Season is not null, (j, n, p) => j.WriteNumberOrNull(n, p.Season)),
        new(Episodes, p => p.Episodes.Count > 0, (j, n, p) => j.WriteNumberArray(n, p.Episodes)),
        new(JsonEncodedText.Encode("absolute_episodes"), p => p.AbsoluteEpisodes.Count > 0, (j, n, p) => j.WriteNumberArray(n, p.AbsoluteEpisodes)),
        new(AirDate, p => p.AirDate is not null, (j, n, p) => j.WriteDateOrNull(n, p.AirDate)),
        new(JsonEncodedText.Encode("full_season"), p => p.FullSeason, (j, n, p) => j.WriteBoolean(n, p.FullSeason)),
        new(JsonEncodedText.Encode("special"), p => p.Special, (j, n, p) => j.WriteBoolean(n, p.Special)),
        new(JsonEncodedText.Encode("crc32"), p => p.Crc32 is not null, (j, n, p) => j.WriteString(n, p.Crc32)),
        new(JsonEncodedText.Encode("release_group"), p => p.ReleaseGroup is not null, (j, n, p) => j.WriteString(n, p.ReleaseGroup)),
        new(JsonEncodedText.Encode("version"), p => p.Version is not null, (j, n, p) => j.WriteNumberOrNull(n, p.Version)),
    ];

    /// <summary>The rows by field name, for the disputed fields a doubt names.</summary>
    internal static readonly FrozenDictionary<string, HintField> FieldsByName = Fields.ToFrozenDictionary(f => f.Name.Value, StringComparer.Ordinal);

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
                json.WriteDateOrNull(AirDate, rival.AirDate);
            }
            else
            {
                json.WriteNumberOrNull(Season, rival.Season);
                json.WriteNumberArray(Episodes, rival.Episodes);
            }

            json.WriteEndObject();
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
