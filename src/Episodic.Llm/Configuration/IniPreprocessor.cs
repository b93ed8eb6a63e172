using System.Text;

namespace Episodic.Llm.Configuration;

/// <summary>
/// Rewrites a Sync2NAS-style (Python configparser) INI into text that Microsoft.Extensions.Configuration.Ini reads
/// the same way: trailing comments stripped, <c>key: value</c> accepted, snake_case keys made binder-friendly, and
/// duplicate keys resolved (last wins) instead of throwing. Never throws: a line it cannot read is skipped.
/// </summary>
internal static class IniPreprocessor
{
    public static string Normalize(string text)
    {
        // Section -> key -> value, in file order; later duplicates overwrite earlier ones like configparser's last-wins.
        var sections = new Dictionary<string, Dictionary<string, string>>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var entry in Entries(text))
        {
            var key = ConfigKeys.NormalizeSegment(entry.Key);
            if (!sections.TryGetValue(entry.Section, out var keys))
            {
                keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                sections[entry.Section] = keys;
                order.Add(entry.Section);
            }

            keys[key] = entry.Value;
        }

        var output = new StringBuilder();
        foreach (var section in order.OrderBy(s => s.Length == 0 ? 0 : 1))
        {
            if (section.Length > 0)
            {
                output.Append('[').Append(section).Append(']').Append('\n');
            }

            foreach (var (key, value) in sections[section])
            {
                output.Append(key).Append('=').Append(value).Append('\n');
            }
        }

        return output.ToString();
    }

    /// <summary>
    /// Every <c>key = value</c> line as written (section trimmed, key trimmed but not folded, value without its
    /// trailing comment), with its 1-based line number; lines that are not entries are skipped.
    /// </summary>
    public static IEnumerable<IniEntry> Entries(string text)
    {
        var current = "";
        var number = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            number++;
            var line = rawLine.Trim();
            if (line.Length == 0 || line[0] is '#' or ';')
            {
                continue;
            }

            if (line[0] == '[')
            {
                var header = StripTrailingComment(line);
                if (header.Length > 2 && header[^1] == ']')
                {
                    current = header[1..^1].Trim();
                }

                continue;
            }

            var delimiter = line.IndexOfAny(['=', ':']);
            if (delimiter <= 0 || ConfigKeys.NormalizeSegment(line[..delimiter]).Length == 0)
            {
                continue;
            }

            yield return new IniEntry(current, line[..delimiter].Trim(), StripTrailingComment(line[(delimiter + 1)..]), number);
        }
    }

    /// <summary>
    /// The 1-based numbers of lines holding a carriage return before their end. A CRLF ending is fine; a lone CR
    /// elsewhere would split the line for the INI reader (and a value would lose its tail), so it is an error.
    /// </summary>
    public static IReadOnlyList<int> StrayCarriageReturns(string text)
    {
        var lines = new List<int>();
        var number = 0;
        foreach (var line in text.Split('\n'))
        {
            number++;
            if (line.TrimEnd('\r').Contains('\r', StringComparison.Ordinal))
            {
                lines.Add(number);
            }
        }

        return lines;
    }

    /// <summary>
    /// Cuts at the first <c>#</c> or <c>;</c> that follows whitespace, so <c>ollama  # Options: ...</c> is
    /// <c>ollama</c> while a password like <c>ab#cd</c> keeps its <c>#</c>.
    /// </summary>
    public static string StripTrailingComment(string value)
    {
        for (var i = 1; i < value.Length; i++)
        {
            if (value[i] is '#' or ';' && char.IsWhiteSpace(value[i - 1]))
            {
                return value[..i].Trim();
            }
        }

        return value.Trim();
    }
}

/// <summary>One <c>key = value</c> line of an INI file as written.</summary>
internal readonly record struct IniEntry(string Section, string Key, string Value, int Line);
