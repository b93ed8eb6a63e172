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
        var current = "";

        foreach (var rawLine in text.Split('\n'))
        {
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
            if (delimiter <= 0)
            {
                continue;
            }

            var key = ConfigKeys.NormalizeSegment(line[..delimiter]);
            if (key.Length == 0)
            {
                continue;
            }

            if (!sections.TryGetValue(current, out var keys))
            {
                keys = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
                sections[current] = keys;
                order.Add(current);
            }

            keys[key] = StripTrailingComment(line[(delimiter + 1)..]);
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
