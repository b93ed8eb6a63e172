using System.Text.Json;
using System.Text.Json.Serialization;

namespace Episodic.Core.Model;

/// <summary>Writes an <see cref="AnswerSource"/> as its wire string ("rules", "llm:openai:gpt-4o-mini") and reads it back.</summary>
public sealed class AnswerSourceJsonConverter : JsonConverter<AnswerSource>
{
    public override AnswerSource Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            throw new JsonException("An answer source is a string: \"rules\" or \"llm:<backend>:<model>\".");
        }

        var text = reader.GetString();
        return AnswerSource.TryParse(text, out var source)
            ? source
            : throw new JsonException($"'{text}' is not an answer source (expected \"rules\" or \"llm:<backend>:<model>\").");
    }

    public override void Write(Utf8JsonWriter writer, AnswerSource value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteStringValue(value.ToString());
    }
}
