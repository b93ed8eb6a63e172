namespace Episodic.Core.Evaluation;

/// <summary>
/// Reads a corpus TSV exactly as tools/score.py does: UTF-8, one header row, tab-split with no quoting,
/// universal newlines (\r\n and \r count as line ends), short rows padded with "", extra cells ignored.
/// A file whose first line is not a corpus header (it lacks a column score.py reads) is refused with a
/// <see cref="FormatException"/> naming the missing columns, so a README or a results file is never scored as a corpus.
/// </summary>
public static class CorpusReader
{
    /// <summary>The columns tools/score.py reads from every row; a header without one of them is not a corpus.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["id", "filename", "title", "season", "episodes", "absolute_episodes", "air_date"];

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

        var header = count == 0 ? [] : lines[0].Split('\t');
        var missing = RequiredColumns.Where(c => !header.Contains(c, StringComparer.Ordinal)).ToList();
        if (missing.Count > 0)
        {
            throw new FormatException(count == 0
                ? "the file is empty; a corpus starts with a header row (id, source, filename, ...; see testdata/corpus/README.md)"
                : $"the first line is not a corpus header: no column {string.Join(", ", missing)} (see testdata/corpus/README.md)");
        }

        var rows = new List<CorpusRow>(count - 1);
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
