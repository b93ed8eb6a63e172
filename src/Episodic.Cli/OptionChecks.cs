using System.CommandLine;
using System.Globalization;

namespace Episodic.Cli;

/// <summary>
/// Range checks attached where an option enters (System.CommandLine validators), so a bad number is a one-line parse
/// error naming the option and the range, never a hang (--concurrency 0) or a stack trace (--concurrency -5).
/// </summary>
internal static class OptionChecks
{
    /// <summary>At least <paramref name="min"/> (and at most <paramref name="max"/>).</summary>
    public static T AtLeast<T>(this T option, int min, int max = int.MaxValue)
        where T : Option
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 0)
            {
                return;
            }

            var text = r.Tokens[0].Value;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                r.AddError(max == int.MaxValue
                    ? $"{option.Name} must be a whole number of at least {min}, not '{text}'."
                    : $"{option.Name} must be a whole number from {min} to {max}, not '{text}'.");
            }
        });
        return option;
    }

    /// <summary>A port, 1 to 65535.</summary>
    public static T Port<T>(this T option)
        where T : Option => option.AtLeast(1, 65535);

    /// <summary>A probability: finite, from 0 to 1 (NaN would switch a floor off silently).</summary>
    public static T Probability<T>(this T option)
        where T : Option
    {
        option.Validators.Add(r =>
        {
            if (r.Tokens.Count == 0)
            {
                return;
            }

            var text = r.Tokens[0].Value;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) || !double.IsFinite(value) || value is < 0 or > 1)
            {
                r.AddError($"{option.Name} must be a number from 0 to 1, not '{text}'.");
            }
        });
        return option;
    }

    /// <summary>
    /// One of <paramref name="allowed"/>, in any case (<c>--mode COPY</c> is <c>copy</c>); the value comes back in the
    /// spelling listed. Anything else is one line naming the option and every allowed value.
    /// </summary>
    public static Option<T> OneOf<T>(this Option<T> option, params string[] allowed)
        where T : class?
    {
        ArgumentNullException.ThrowIfNull(option);
        option.CustomParser = r =>
        {
            var text = r.Tokens.Count > 0 ? r.Tokens[0].Value : "";
            if (Canonical(text, allowed) is { } value)
            {
                return (T)(object)value;
            }

            r.AddError(NotOneOf(option.Name, text, allowed));
            return default!;
        };
        option.CompletionSources.Add(allowed);
        return option;
    }

    /// <summary>The spelling in <paramref name="allowed"/> of <paramref name="text"/> (trimmed, any case), or null.</summary>
    public static string? Canonical(string? text, IEnumerable<string> allowed) =>
        allowed.FirstOrDefault(a => string.Equals(a, text?.Trim(), StringComparison.OrdinalIgnoreCase));

    /// <summary>The one-line error for a value outside <paramref name="allowed"/>.</summary>
    public static string NotOneOf(string name, string text, IEnumerable<string> allowed) =>
        $"{name} must be one of {string.Join(", ", allowed)}; not '{text}'.";
}
