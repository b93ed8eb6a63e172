using System.Globalization;
using System.Text.Json;

namespace Episodic.Core.Text;

/// <summary>
/// The episode fields' JSON shapes that have no one-call <see cref="Utf8JsonWriter"/> method (a number or null, a list
/// of numbers, a <c>yyyy-MM-dd</c> date or null), in one place so that every hand-written writer of episode fields
/// (the CLI's record writer, the rules hint in the prompt) writes them alike and as the source-generated contract does.
/// </summary>
public static class JsonFieldWriter
{
    /// <summary>The number, or JSON null when there is none.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter writer, JsonEncodedText name, int? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } v)
        {
            writer.WriteNumber(name, v);
        }
        else
        {
            writer.WriteNull(name);
        }
    }

    /// <summary>The numbers as an array (empty when there are none).</summary>
    public static void WriteNumberArray(this Utf8JsonWriter writer, JsonEncodedText name, IReadOnlyList<int> values)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(values);
        writer.WriteStartArray(name);
        for (var i = 0; i < values.Count; i++)
        {
            writer.WriteNumberValue(values[i]);
        }

        writer.WriteEndArray();
    }

    /// <summary>The date as <c>yyyy-MM-dd</c> (the contract's <see cref="DateOnly"/> form), or JSON null when there is none.</summary>
    public static void WriteDateOrNull(this Utf8JsonWriter writer, JsonEncodedText name, DateOnly? value)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (value is { } date)
        {
            Span<char> text = stackalloc char[10];
            _ = date.TryFormat(text, out var n, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            writer.WriteString(name, text[..n]);
        }
        else
        {
            writer.WriteNull(name);
        }
    }
}
