namespace Episodic.Core.Evaluation;

/// <summary>
/// Reads a corpus TSV exactly as tools/score.py does: UTF-8, one header row, tab-split with no quoting,
/// universal newlines (\r\n and \r count as line ends), short rows padded with "", extra cells ignored.
/// </summary>
public static class CorpusReader
{
    public static IReadOnlyList<CorpusRow> Read(string path)
    {
        var text = File.ReadAllText(path, System.Text.Encoding.UTF8);
        return Parse(text);
    }

    public static IReadOnlyList<CorpusRow> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Split('\n');
        var count = lines.Length;
        if (count > 0 && lines[count - 1].Length == 0)
        {
            count--; // text ending in a newline has no extra empty line
        }

        var rows = new List<CorpusRow>(Math.Max(count - 1, 0));
        if (count == 0)
        {
            return rows;
        }

        var header = lines[0].Split('\t');
        for (var i = 1; i < count; i++)
        {
            var cells = lines[i].Split('\t');
            rows.Add(ToRow(header, cells));
        }

        return rows;
    }

    private static CorpusRow ToRow(string[] header, string[] cells)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var c = 0; c < header.Length; c++)
        {
            map[header[c]] = c < cells.Length ? cells[c] : "";
        }

        string Get(string name) => map.TryGetValue(name, out var v) ? v : "";

        return new CorpusRow
        {
            Id = Get("id"),
            Source = Get("source"),
            Filename = Get("filename"),
            Options = Get("options"),
            Title = Get("title"),
            Year = Get("year"),
            Season = Get("season"),
            Episodes = Get("episodes"),
            AbsoluteEpisodes = Get("absolute_episodes"),
            AirDate = Get("air_date"),
            FullSeason = Get("full_season"),
            Special = Get("special"),
            Crc32 = Get("crc32"),
            ReleaseGroup = Get("release_group"),
            ExpectNone = Get("expect_none"),
            HandLabelled = Get("hand_labelled"),
            Notes = Get("notes"),
        };
    }
}
