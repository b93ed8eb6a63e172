using System.Text.RegularExpressions;

namespace Episodic.Tests.Docs;

/// <summary>
/// Makes a doc's expected output and a run's actual output comparable. Both sides go through <see cref="Normalise"/>,
/// so a doc may show a realistic value (a real journal name, a timestamp) or the placeholder itself:
/// <list type="bullet">
/// <item><c>~</c>: the sandbox folder (it is also $HOME for the run, so <c>~/Downloads</c> reads the same)</item>
/// <item><c>&lt;time&gt;</c>: an ISO-8601 UTC timestamp (<c>2026-12-03T16:20:07Z</c>, fractions allowed; <c>history</c>'s
/// <c>2026-12-03 16:20:07Z</c> too)</item>
/// <item><c>journal-&lt;id&gt;</c>: a journal's run id (<c>journal-20261126-042927-546-3fa9c1</c>)</item>
/// <item><c>&lt;duration&gt;</c>: a measured time (<c>12 ms</c>, <c>1.4 s</c>)</item>
/// <item><c>pid &lt;pid&gt;</c>: a process id</item>
/// <item><c>&lt;review-id&gt;</c>: a held item's random id, where <c>review</c> lists it (at the start of a line, before
/// the reason) and where <c>history</c> names it (<c>review accept b4v7a9</c>)</item>
/// </list>
/// Trailing whitespace on each line and trailing blank lines are ignored.
/// </summary>
internal static partial class DocOutput
{
    public static string Normalise(string text)
    {
        text = TimePattern().Replace(text, "<time>");
        text = JournalPattern().Replace(text, "journal-<id>");
        text = DurationPattern().Replace(text, "<duration>");
        text = PidPattern().Replace(text, "pid <pid>");
        text = ReviewIdPattern().Replace(text, "<review-id>");
        return Tidy(text);
    }

    /// <summary>What a run printed, as the doc would show it: the sandbox path as <c>~</c>, line ends tidied.</summary>
    public static string FromRun(string output, string sandbox) => Tidy(output.Replace(sandbox, "~", StringComparison.Ordinal));

    private static string Tidy(string text) =>
        string.Join('\n', text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n').Select(l => l.TrimEnd())).TrimEnd('\n');

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(?:\.\d+)?Z")]
    private static partial Regex TimePattern();

    [GeneratedRegex(@"journal-\d{8}-\d{6}-\d{3}-[0-9a-f]{6}")]
    private static partial Regex JournalPattern();

    [GeneratedRegex(@"\b\d+(?:\.\d+)? ?(?:ms|s)\b")]
    private static partial Regex DurationPattern();

    [GeneratedRegex(@"\bpid \d+")]
    private static partial Regex PidPattern();

    [GeneratedRegex(@"^[2-9a-hjkmnp-z]{6}(?=  [a-z_]+  )|(?<=\breview (?:accept|skip) )[2-9a-hjkmnp-z]{6}\b", RegexOptions.Multiline)]
    private static partial Regex ReviewIdPattern();
}
