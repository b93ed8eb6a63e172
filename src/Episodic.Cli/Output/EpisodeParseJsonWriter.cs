using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Text;

namespace Episodic.Cli.Output;

/// <summary>
/// Writes an <see cref="EpisodeParse"/> field by field, the same bytes as its source-generated contract
/// (<see cref="EpisodeParseJson"/>). Why not the contract itself: the converters on <c>confidence</c> and
/// <c>source</c> leave the generator no fast-path serializer, so the first record of a run pays for building the
/// serializer's metadata and its generic code (measured about 16 ms of CPU on a one-name <c>parse -f jsonl</c>).
/// Tests hold the two to the same output, and to the same refusals.
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

    /// <summary>
    /// Writes one object; <paramref name="writer"/>'s options decide indentation and escaping, as for the contract.
    /// A record the contract refuses (null in a non-nullable field: the context respects nullable annotations) is
    /// refused here too, with a <see cref="JsonException"/> naming the field, rather than written with a null no reader
    /// of the contract accepts.
    /// </summary>
    /// <exception cref="JsonException"><c>input</c>, <c>absolute_episodes</c> or <c>reasoning</c> is null.</exception>
    public static void Write(Utf8JsonWriter writer, EpisodeParse p)
    {
        writer.WriteStartObject();
        writer.WriteString(Input, NotNull(p.Input, Input));
        writer.WriteString(ShowName, p.ShowName);
        writer.WriteNumberOrNull(Year, p.Year);
        writer.WriteNumberOrNull(Season, p.Season);
        writer.WriteNumberOrNull(Episode, p.Episode);
        writer.WriteNumberArray(Episodes, NotNull(p.Episodes, Episodes));
        writer.WriteNumberArray(AbsoluteEpisodes, NotNull(p.AbsoluteEpisodes, AbsoluteEpisodes));
        writer.WriteDateOrNull(AirDate, p.AirDate);
        writer.WriteBoolean(FullSeason, p.FullSeason);
        writer.WriteBoolean(Special, p.Special);
        writer.WriteString(Crc32, p.Crc32);
        writer.WriteString(ReleaseGroup, p.ReleaseGroup);
        writer.WriteNumberOrNull(Version, p.Version);
        writer.WriteNumber(Confidence, ConfidenceJsonConverter.Round(p.Confidence));
        writer.WriteString(Source, p.Source.ToString());
        writer.WriteString(Reasoning, NotNull(p.Reasoning, Reasoning));
        writer.WriteEndObject();
    }

    /// <summary>The value of a field the model declares non-nullable; as the contract, a null there is an error.</summary>
    private static T NotNull<T>(T? value, JsonEncodedText name)
        where T : class =>
        value ?? throw new JsonException($"The field '{name}' of an {nameof(EpisodeParse)} is null; the contract does not allow null there.");
}
