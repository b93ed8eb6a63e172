using System.Globalization;
using Episodic.Core.Model;
using Episodic.Core.Text;

namespace Episodic.Cli.Output;

/// <summary>
/// An aligned text table (input, show, year, season, episodes, group, confidence) that fits the terminal's
/// <c>columns</c> cells. Widths are display widths (CJK counts two), so rows stay aligned in any
/// script; rows are written one by one, so output streams with flat memory. Long inputs keep their tail, where the
/// episode number usually is. Below <see cref="GroupMinColumns"/> (an 80-column terminal) the GROUP column goes (the
/// group is in the input) and the number columns sit one space apart, so the input and the show keep their room.
/// </summary>
internal sealed class TableOutputWriter : ParseOutputWriter
{
    /// <summary>Width used when output is not a terminal and $COLUMNS is not set.</summary>
    public const int DefaultColumns = 120;

    /// <summary>The narrowest table with a GROUP column.</summary>
    public const int GroupMinColumns = 100;

    /// <summary>Show names up to this many cells are never cut while the input keeps as much (90 % of show names in the corpora are shorter).</summary>
    private const int ReadableShow = 22;

    private const int YearWidth = 4;
    private const int SeasonWidth = 3;
    private const int EpisodesWidth = 10;
    private const int GroupWidth = 12;
    private const int ConfWidth = 4;

    private readonly bool _group;
    private readonly int _textGap;
    private readonly int _numberGap;
    private readonly int _inputWidth;
    private readonly int _showWidth;
    private bool _headerWritten;

    public TableOutputWriter(TextWriter output, int columns)
        : base(output)
    {
        _group = columns >= GroupMinColumns;
        _textGap = 2;
        _numberGap = _group ? 2 : 1;
        var fixedCells = YearWidth + SeasonWidth + EpisodesWidth + ConfWidth + (2 * _textGap) + (3 * _numberGap) + (_group ? GroupWidth + _numberGap : 0);
        var rest = columns - fixedCells;

        // The input and the show share what is left, 3:2, but a show name of ordinary length is not cut while the
        // input keeps as much room; floors keep something of each on a very narrow terminal.
        _showWidth = Math.Max(10, Math.Max(rest * 2 / 5, Math.Min(ReadableShow, rest / 2)));
        _inputWidth = Math.Max(12, rest - _showWidth);
    }

    protected override void WriteRecord(EpisodeParse result)
    {
        if (!_headerWritten)
        {
            WriteRow("INPUT", "SHOW", "YEAR", "S", "EPISODES", "GROUP", "CONF");
            _headerWritten = true;
        }

        WriteRow(
            DisplayWidth.Tail(Printable.Escape(result.Input), _inputWidth),
            DisplayWidth.Head(Printable.Escape(result.ShowName ?? "-"), _showWidth),
            result.Year?.ToString(CultureInfo.InvariantCulture) ?? "-",
            result.Season?.ToString(CultureInfo.InvariantCulture) ?? "-",
            DisplayWidth.Head(DescribeEpisodes(result), EpisodesWidth),
            DisplayWidth.Head(Printable.Escape(result.ReleaseGroup ?? "-"), GroupWidth),
            result.Confidence.ToString("0.00", CultureInfo.InvariantCulture));
    }

    /// <summary>Episodes as "3" or "3,4"; else absolute numbers as "#12"; else the air date; else "pack" or "-".</summary>
    internal static string DescribeEpisodes(EpisodeParse p)
    {
        if (p.Episodes.Count > 0)
        {
            return string.Join(',', p.Episodes);
        }

        if (p.AbsoluteEpisodes.Count > 0)
        {
            return "#" + string.Join(",#", p.AbsoluteEpisodes);
        }

        if (p.AirDate is { } d)
        {
            return d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        }

        return p.FullSeason ? "pack" : "-";
    }

    private void WriteRow(string input, string show, string year, string season, string episodes, string group, string confidence)
    {
        var text = new string(' ', _textGap);
        var number = new string(' ', _numberGap);
        var line = string.Concat(
            DisplayWidth.Pad(input, _inputWidth), text,
            DisplayWidth.Pad(show, _showWidth), text,
            DisplayWidth.Pad(year, YearWidth), number,
            DisplayWidth.Pad(season, SeasonWidth, right: true), number,
            DisplayWidth.Pad(episodes, EpisodesWidth), number,
            _group ? DisplayWidth.Pad(group, GroupWidth) + number : "",
            confidence);
        Output.Write(line);
        Output.Write('\n');
    }
}
