using System.Text.Json;
using System.Text.Json.Serialization;

namespace Episodic.Core.Model;

/// <summary>
/// Writes a confidence rounded to <see cref="Digits"/> decimals: more digits are noise from calibration, and a fixed
/// rounding keeps the CLI, cache and server output byte-identical for the same answer.
/// </summary>
public sealed class ConfidenceJsonConverter : JsonConverter<double>
{
    /// <summary>Decimals kept on output.</summary>
    public const int Digits = 3;

    /// <summary>The value as written.</summary>
    public static double Round(double confidence) => Math.Round(confidence, Digits);

    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) => reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteNumberValue(Round(value));
    }
}
