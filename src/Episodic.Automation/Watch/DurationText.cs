using System.Globalization;
using System.Text;

namespace Episodic.Automation.Watch;

/// <summary>
/// Writes a duration the way people type it on the command line ("250ms", "2s", "1.5s", "10m", "1h30m"), so the
/// watcher's start-up line reads like the options that set it instead of TimeSpan's "00:00:00.5000000".
/// </summary>
public static class DurationText
{
    /// <summary>The shortest exact form: whole hours, minutes and seconds as units, fractions only below a minute.</summary>
    public static string Format(TimeSpan value)
    {
        if (value < TimeSpan.Zero)
        {
            return "-" + Format(value.Duration());
        }

        if (value < TimeSpan.FromSeconds(1))
        {
            return value.TotalMilliseconds.ToString("0.###", CultureInfo.InvariantCulture) + "ms";
        }

        if (value < TimeSpan.FromMinutes(1))
        {
            return value.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
        }

        var text = new StringBuilder();
        var hours = (long)value.TotalHours;
        if (hours > 0)
        {
            text.Append(hours.ToString(CultureInfo.InvariantCulture)).Append('h');
        }

        if (value.Minutes > 0)
        {
            text.Append(value.Minutes.ToString(CultureInfo.InvariantCulture)).Append('m');
        }

        var seconds = value.TotalSeconds - Math.Floor(value.TotalMinutes) * 60;
        if (seconds > 0)
        {
            text.Append(seconds.ToString("0.###", CultureInfo.InvariantCulture)).Append('s');
        }

        return text.ToString();
    }
}
