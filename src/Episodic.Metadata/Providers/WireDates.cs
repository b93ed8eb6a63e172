using System.Globalization;

namespace Episodic.Metadata.Providers;

/// <summary>Provider dates are "yyyy-MM-dd", sometimes empty or null for unaired entries.</summary>
internal static class WireDates
{
    public static DateOnly? Parse(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;

    public static int? Year(string? text) => Parse(text)?.Year;
}
