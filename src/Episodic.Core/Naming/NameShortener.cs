using System.Text;
using System.Text.RegularExpressions;

namespace Episodic.Core.Naming;

/// <summary>
/// The deterministic shortener: used when no model is configured, and as the fallback when a model's short name is
/// too long or drops what a file name must keep (extension, SxxEyy). The result always fits.
/// </summary>
public static partial class NameShortener
{
    private const string Illegal = "<>:\"/\\|?*";

    public static string Shorten(string name, int maxLength, ShortNameKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var clean = Sanitise(name);
        if (clean.Length <= maxLength)
        {
            return clean;
        }

        if (kind == ShortNameKind.File)
        {
            var ext = Path.GetExtension(clean);
            var stem = clean[..^ext.Length];
            var marker = Marker().Match(stem);
            var tail = marker.Success ? " - " + marker.Value.ToUpperInvariant() + ext : ext;
            var show = marker.Success ? stem[..marker.Index] : stem;
            show = Words(show.Replace('.', ' ').Replace('_', ' '));
            var room = maxLength - tail.Length;
            if (room >= 1)
            {
                return (Cut(show, room) + tail).Trim();
            }

            return Cut(clean, maxLength);
        }

        return Cut(Words(clean), maxLength);
    }

    /// <summary>True for a name that is legal on Windows, macOS and Linux.</summary>
    public static bool IsLegal(string name) =>
        name.Length > 0 && !name.Any(c => char.IsControl(c) || Illegal.Contains(c, StringComparison.Ordinal)) && !name.EndsWith('.') && !name.EndsWith(' ') && name.Trim().Length > 0;

    public static string Sanitise(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            sb.Append(char.IsControl(c) || Illegal.Contains(c, StringComparison.Ordinal) ? ' ' : c);
        }

        return string.Join(' ', sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries)).TrimEnd('.', ' ');
    }

    /// <summary>Cuts at a word boundary when one is near, never leaving a trailing dot, space or dash.</summary>
    private static string Cut(string s, int max)
    {
        if (s.Length <= max)
        {
            return s.TrimEnd('.', ' ', '-');
        }

        var cut = s[..max];
        var space = cut.LastIndexOf(' ');
        if (space >= max / 2)
        {
            cut = cut[..space];
        }

        var trimmed = cut.TrimEnd('.', ' ', '-');
        return trimmed.Length > 0 ? trimmed : cut[..1];
    }

    private static string Words(string s) => string.Join(' ', s.Split(' ', StringSplitOptions.RemoveEmptyEntries));

    [GeneratedRegex(@"S\d{1,4}E\d{1,4}(?:-?E\d{1,4})*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, 100)]
    private static partial Regex Marker();

    /// <summary>The SxxEyy marker of a name, or null.</summary>
    public static string? MarkerOf(string name) => Marker().Match(name) is { Success: true } m ? m.Value.ToUpperInvariant() : null;
}
