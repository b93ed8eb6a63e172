using System.Text;
using Episodic.Core.Naming;

namespace Episodic.Routing.Library;

/// <summary>
/// Makes one path component safe on Windows, macOS and Linux at once: no reserved characters, no control characters,
/// no trailing dots or spaces (Windows drops them silently), no reserved device names, and within a byte budget.
/// </summary>
public static class PathSanitiser
{
    private const string Illegal = "<>\"/\\|?*";

    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase)
    {
        "CON", "PRN", "AUX", "NUL",
        "COM0", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8", "COM9",
        "LPT0", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    };

    /// <summary>A clean component within <paramref name="maxLength"/> UTF-8 bytes; never empty.</summary>
    public static string Clean(string name, int maxLength, ShortNameKind kind)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 1);
        var clean = Strip(name);
        if (!Fits(clean, maxLength))
        {
            clean = Shorten(clean, maxLength, kind);
        }

        return AvoidReserved(clean, maxLength);
    }

    /// <summary>True when <paramref name="name"/> needs no cleaning and fits.</summary>
    public static bool IsClean(string name, int maxLength) => name.Length > 0 && Strip(name) == name && Fits(name, maxLength) && !IsReserved(name);

    /// <summary>True for CON, NUL, COM1... alone or with any extension ("nul.txt" is reserved too).</summary>
    public static bool IsReserved(string name)
    {
        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var stem = (dot >= 0 ? name[..dot] : name).TrimEnd(' ');
        return Reserved.Contains(stem);
    }

    /// <summary>Byte length as most file systems count it (UTF-8).</summary>
    public static bool Fits(string name, int maxLength) => Encoding.UTF8.GetByteCount(name) <= maxLength;

    /// <summary>The deterministic shortener, tightened until the UTF-8 byte count fits (non-ASCII names count more bytes than chars).</summary>
    internal static string Shorten(string name, int maxLength, ShortNameKind kind)
    {
        for (var limit = Math.Min(name.Length, maxLength); limit >= 1; limit--)
        {
            var candidate = Strip(NameShortener.Shorten(name, limit, kind));
            if (candidate.Length > 0 && Fits(candidate, maxLength))
            {
                return candidate;
            }
        }

        return "_";
    }

    private static string Strip(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (c == ':')
            {
                // "Star Trek: Discovery" reads best as "Star Trek - Discovery", the usual library spelling.
                sb.Append(" - ");
            }
            else if (char.IsControl(c) || Illegal.Contains(c, StringComparison.Ordinal))
            {
                sb.Append(' ');
            }
            else
            {
                sb.Append(c);
            }
        }

        var words = sb.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var joined = string.Join(' ', words).Replace(" - -", " -", StringComparison.Ordinal);
        return joined.TrimEnd('.', ' ').TrimStart(' ');
    }

    private static string AvoidReserved(string name, int maxLength)
    {
        if (name.Length == 0)
        {
            return "_";
        }

        if (!IsReserved(name))
        {
            return name;
        }

        var dot = name.IndexOf('.', StringComparison.Ordinal);
        var fixedName = dot >= 0 ? name[..dot].TrimEnd(' ') + "_" + name[dot..] : name + "_";
        return Fits(fixedName, maxLength) ? fixedName : "_" + name[1..];
    }
}
