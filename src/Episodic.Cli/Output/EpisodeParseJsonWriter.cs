using System.Globalization;
using System.Text.Json;
using Episodic.Core.Model;

namespace Episodic.Cli.Output;

/// <summary>
/// Writes an <see cref="EpisodeParse"/> field by field, the same bytes as its source-generated contract
/// (<see cref="EpisodeParseJson"/>). Why not the contract itself: the converters on <c>confidence</c> and
/// <c>source</c> leave the generator no fast-path serializer, so the first record of a run pays for building the
/// serializer's metadata and its generic code (measured about 16 ms of CPU on a one-name <c>parse -f jsonl</c>).
/// Tests hold the two to the same field list and the same output.
/// </summary>
internal static class EpisodeParseJsonWriter
{
    private static readonly JsonEncodedText Input = JsonEncodedText.Encode("input");
    private static readonly JsonEncodedText ShowName = JsonEncodedText.Encode("show_name");
    private static readonly JsonEncodedText Year = JsonEncodedText.Encode("year");
    private static readonly JsonEncodedText Season = JsonEncodedText.Encode("season");
    private static readonly JsonEncodedText Episode = JsonEncodedText.Encode("episode");
    private static readonly JsonEncodedText Episodes = JsonEncodedText.Encode("episodes");
    private static readonly JsonEncodedText AbsoluteEpisodes = JsonEncodedText.Encode("absolute_episodes");
    private static readonly JsonEncodedText AirDate = JsonEncodedText.Encode("air_date");
    private static readonly JsonEncodedText FullSeason = JsonEncodedText.Encode("full_season");
    private static readonly JsonEncodedText Special = JsonEncodedText.Encode("special");
    private static readonly JsonEncodedText Crc32 = JsonEncodedText.Encode("crc32");
    private static readonly JsonEncodedText ReleaseGroup = JsonEncodedText.Encode("release_group");
    private static readonly JsonEncodedText Version = JsonEncodedText.Encode("version");
    private static readonly JsonEncodedText Confidence = JsonEncodedText.Encode("confidence");
    private static readonly JsonEncodedText Source = JsonEncodedText.Encode("source");
    private static readonly JsonEncodedText Reasoning = JsonEncodedText.Encode("reasoning");

    /// <summary>The field names in the order written (tests compare them with the contract's).</summary>
    internal static IReadOnlyList<string> FieldNames =>
        [.. new[] { Input, ShowName, Year, Season, Episode, Episodes, AbsoluteEpisodes, AirDate, FullSeason, Special, Crc32, ReleaseGroup, Version, Confidence, Source, Reasoning }.Select(n => n.Value)];

    /// <summary>Writes one object; <paramref name="writer"/>'s options decide indentation and escaping, as for the contract.</summary>
    public static void Write(Utf8JsonWriter writer, EpisodeParse p)
    {
        writer.WriteStartObject();
        writer.WriteString(Input, p.Input);
        writer.WriteString(ShowName, p.ShowName);
        WriteNumber(writer, Year, p.Year);
        WriteNumber(writer, Season, p.Season);
        WriteNumber(writer, Episode, p.Episode);
        WriteNumbers(writer, Episodes, p.Episodes);
        WriteNumbers(writer, AbsoluteEpisodes, p.AbsoluteEpisodes);
        if (p.AirDate is { } date)
        {
            Span<char> text = stackalloc char[10];
            _ = date.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteString(AirDate, text[..n]);
        }
        else
        {
            writer.WriteNull(AirDate);
        }

        writer.WriteBoolean(FullSeason, p.FullSeason);
        writer.WriteBoolean(Special, p.Special);
        writer.WriteString(Crc32, p.Crc32);
        writer.WriteString(ReleaseGroup, p.ReleaseGroup);
        WriteNumber(writer, Version, p.Version);
        writer.WriteNumber(Confidence, ConfidenceJsonConverter.Round(p.Confidence));
        writer.WriteString(Source, p.Source.ToString());
        writer.WriteString(Reasoning, p.Reasoning);
        writer.WriteEndObject();
    }

    private static void WriteNumber(Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    private static void WriteNumbers(Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<int> values)
    {
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteNumberValue(values[i]);
        }

        writer.WriteEndArray();
    }
}
