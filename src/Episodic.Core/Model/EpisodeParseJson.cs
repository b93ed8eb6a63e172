using System.Globalization;
using System.Text.Json;

namespace Episodic.Core.Model;

/// <summary>
/// Writes and reads the JSON contract of <see cref="EpisodeParse"/> with its exact snake_case field names.
/// Hand-written rather than reflection-based so it is trimming/AOT safe and fast on large streams.
/// </summary>
public static class EpisodeParseJson
{
    public static void Write(Utf8JsonWriter writer, EpisodeParse p)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(p);
        writer.WriteStartObject();
        writer.WriteString("input", p.Input);
        WriteNullable(writer, "show_name", p.ShowName);
        WriteNullable(writer, "year", p.Year);
        WriteNullable(writer, "season", p.Season);
        WriteNullable(writer, "episode", p.Episode);
        WriteArray(writer, "episodes", p.Episodes);
        WriteArray(writer, "absolute_episodes", p.AbsoluteEpisodes);
        if (p.AirDate is { } d)
        {
            writer.WriteString("air_date", d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }
        else
        {
            writer.WriteNull("air_date");
        }

        writer.WriteBoolean("full_season", p.FullSeason);
        writer.WriteBoolean("special", p.Special);
        WriteNullable(writer, "crc32", p.Crc32);
        WriteNullable(writer, "release_group", p.ReleaseGroup);
        WriteNullable(writer, "version", p.Version);
        writer.WriteNumber("confidence", Math.Round(p.Confidence, 3));
        writer.WriteString("source", p.Source.ToString());
        writer.WriteString("reasoning", p.Reasoning);
        writer.WriteEndObject();
    }

    /// <summary>One compact JSON object, as used for a JSONL line.</summary>
    public static string ToJson(EpisodeParse p)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            Write(writer, p);
        }

        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, string? value)
    {
        if (value is null)
        {
            w.WriteNull(name);
        }
        else
        {
            w.WriteString(name, value);
        }
    }

    private static void WriteNullable(Utf8JsonWriter w, string name, int? value)
    {
        if (value is { } v)
        {
            w.WriteNumber(name, v);
        }
        else
        {
            w.WriteNull(name);
        }
    }

    private static void WriteArray(Utf8JsonWriter w, string name, IReadOnlyList<int> values)
    {
        w.WriteStartArray(name);
        foreach (var v in values)
        {
            w.WriteNumberValue(v);
        }

        w.WriteEndArray();
    }
}
