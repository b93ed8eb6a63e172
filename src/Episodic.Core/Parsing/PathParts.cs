using System.Collections.Frozen;
using System.Text;

namespace Episodic.Core.Parsing;

/// <summary>Splits an input into folders and a file name, strips known extensions and makes hostile text safe to scan.</summary>
internal static class PathParts
{
    /// <summary>Longest name scanned; longer input is cut (the end, where the file name is, is kept).</summary>
    public const int MaxLength = 1024;

    private static readonly FrozenSet<string> Extensions = new[]
    {
        "mkv", "mp4", "avi", "m4v", "ts", "m2ts", "wmv", "mov", "webm", "mpg", "mpeg", "flv", "ogm", "divx", "rmvb", "3gp", "iso", "vob",
        "srt", "ass", "ssa", "sub", "idx", "sup", "vtt", "nfo", "torrent", "txt", "jpg", "png", "sfv", "par2",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Looks an extension up as a slice of the file name, without cutting it out as a new string.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ExtensionSpans = Extensions.GetAlternateLookup<ReadOnlySpan<char>>();

    public static string Sanitise(string? input)
    {
        if (string.IsNullOrEmpty(input))
        {
            return "";
        }

        var s = input.Length > MaxLength ? input[^MaxLength..] : input;
        if (!s.AsSpan().ContainsAnyExceptInRange(' ', '~'))
        {
            // Printable ASCII (most names) has nothing to replace: only the trim below would change it.
            return s.Trim();
        }

        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
            {
                sb.Append(c).Append(s[++i]);
            }
            else if (char.IsSurrogate(c))
            {
                sb.Append('\uFFFD');
            }
            else if (c is >= '\uFF01' and <= '\uFF5E')
            {
                // Full-width forms ("１５８", "［", "（END）", "Ｔｉｔｌｅ") are their ASCII letters, digits and brackets.
                sb.Append((char)(c - 0xFEE0));
            }
            else if (char.IsDigit(c) && !char.IsAsciiDigit(c))
            {
                // Arabic-Indic, Devanagari and other decimal digits match the patterns' \d but not int.Parse: read them as ASCII.
                sb.Append((char)('0' + (int)char.GetNumericValue(c)));
            }
            else
            {
                sb.Append(char.IsControl(c) ? ' ' : c);
            }
        }

        return sb.ToString().Trim();
    }

    /// <summary>The folders, nearest last, and the file name. A bare file name (most input) makes no list: its folders are the shared empty array.</summary>
    public static (IReadOnlyList<string> Folders, string File) Split(string path)
    {
        if (!path.AsSpan().ContainsAny('\\', '/'))
        {
            return ([], path.Trim());
        }

        var parts = SplitSegments(path);
        if (parts.Count == 0)
        {
            return ([], "");
        }

        var file = parts[^1];
        parts.RemoveAt(parts.Count - 1);
        parts.RemoveAll(p => p.Length == 2 && p[1] == ':' || p is "." or "..");
        return (parts, file);
    }

    /// <summary>
    /// Backslashes always separate folders. A slash does too, except inside parentheses ("(2016/S01/WEB-DL)") and in
    /// names that use " / " or " | " between alternative titles ("Босх / Series: Legacy / S2E1").
    /// </summary>
    private static List<string> SplitSegments(string path)
    {
        var slashIsText = path.Contains(" / ", StringComparison.Ordinal) || path.Contains(" | ", StringComparison.Ordinal);
        var parts = new List<string>();
        var start = 0;
        var depth = 0;
        for (var i = 0; i <= path.Length; i++)
        {
            var c = i < path.Length ? path[i] : '\\';
            depth += c is '(' or '[' or '【' ? 1 : c is ')' or ']' or '】' && depth > 0 ? -1 : 0;
            if (c == '\\' || c == '/' && !slashIsText && depth == 0)
            {
                var part = path[start..i].Trim();
                if (part.Length > 0)
                {
                    parts.Add(part);
                }

                start = i + 1;
                depth = 0;
            }
        }

        return parts;
    }

    public static string StripExtension(string file)
    {
        var dot = file.LastIndexOf('.');
        if (dot > 0 && file.Length - dot <= 8 && ExtensionSpans.Contains(file.AsSpan(dot + 1)))
        {
            var stem = file[..dot];

            // "name.en.srt", "name.eng.forced.srt": drop a trailing language tag of a subtitle.
            var second = stem.LastIndexOf('.');
            if (second > 0 && stem.Length - second <= 4 && file.AsSpan(dot + 1) is "srt" or "ass" or "ssa" or "sub" or "vtt" && !stem.AsSpan(second + 1).ContainsAnyExceptInRange('a', 'z'))
            {
                stem = stem[..second];
            }

            return stem;
        }

        return file;
    }
}
