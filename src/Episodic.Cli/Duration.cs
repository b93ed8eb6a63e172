using System.CommandLine;
using System.Globalization;

namespace Episodic.Cli;

/// <summary>Durations as people type them: "90s", "10m", "1h", "1h30m", "250ms", or plain seconds ("30").</summary>
internal static class Duration
{
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var s = text.Trim().ToLowerInvariant();
        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return Finite(seconds, 1000, out value);
        }

        var total = 0.0;
        var i = 0;
        while (i < s.Length)
        {
            var start = i;
            while (i < s.Length && (char.IsAsciiDigit(s[i]) || s[i] == '.'))
            {
                i++;
            }

            var unitStart = i;
            while (i < s.Length && char.IsAsciiLetter(s[i]))
            {
                i++;
            }

            if (start == unitStart || !double.TryParse(s.AsSpan(start, unitStart - start), NumberStyles.Float, CultureInfo.InvariantCulture, out var n))
            {
                return false;
            }

            double? ms = s[unitStart..i] switch
            {
                "ms" => 1,
                "s" => 1000,
                "m" => 60_000,
                "h" => 3_600_000,
                _ => null,
            };
            if (ms is null)
            {
                return false;
            }

            total += n * ms.Value;
        }

        return Finite(total, 1, out value);
    }

    /// <summary>An option taking a duration; a bad value is a parse error naming the option and the forms accepted.</summary>
    public static Option<TimeSpan> Option(string name, string description) => new(name)
    {
        Description = description,
        CustomParser = result =>
        {
            var token = result.Tokens.Count > 0 ? result.Tokens[0].Value : "";
            if (TryParse(token, out var value))
            {
                return value;
            }

            result.AddError($"{name} must be a duration such as 30s, 10m or 1h, not '{token}'.");
            return TimeSpan.Zero;
        },
    };

    private static bool Finite(double amount, double msPerUnit, out TimeSpan value)
    {
        var ms = amount * msPerUnit;
        value = TimeSpan.Zero;
        if (!double.IsFinite(ms) || ms < 0 || ms > TimeSpan.FromDays(1).TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(ms);
        return true;
    }
}
