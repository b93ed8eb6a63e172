using System.Globalization;
using Episodic.Core.Model;
using Episodic.Core.Text;

namespace Episodic.Cli.Output;

/// <summary>
/// An aligned text table (input, show, year, season, episodes, group, confidence) that fits
/// <paramref name="columns"/> terminal cells. Widths are display widths (CJK counts two), so rows stay aligned in any
/// script; rows are written one by one, so output streams with flat memory. Long inputs keep their tail, where the
/// episode number usually is.
/// </summary>
internal sealed class TableOutputWriter(TextWriter output, int columns) : ParseOutputWriter(output)
{
    /// <summary>Width used when output is not a terminal and $COLUMNS is not set.</summary>
    public const int DefaultColumns = 120;

    private const int Gap = 2;
    private const int YearWidth = 4;
    private const int SeasonWidth = 3;
    private const int EpisodesWidth = 10;
    private const int GroupWidth = 12;
    private const int ConfWidth = 4;
    private const int Fixed = YearWidth + SeasonWidth + EpisodesWidth + GroupWidth + ConfWidth + (6 * Gap);

    // The input and show share what is left, 3:2, with floors so a narrow terminal still shows something of each.
    private readonly int _showWidth = Math.Max(10, (columns - Fixed) * 2 / 5);
    private bool _headerWritten;

    private int InputWidth => Math.Max(12, columns - Fixed - _showWidth);

    protected override void WriteRecord(EpisodeParse result)
    {
        if (!_headerWritten)
        {
            WriteRow("INPUT", "SHOW", "YEAR", "S", "EPISODES", "GROUP", "CONF");
            _headerWritten = true;
        }

        WriteRow(
            DisplayWidth.Tail(Printable.Escape(result.Input), InputWidth),
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
        var gap = new string(' ', Gap);
        var line = string.Concat(
            DisplayWidth.Pad(input, InputWidth), gap,
            DisplayWidth.Pad(show, _showWidth), gap,
            DisplayWidth.Pad(year, YearWidth), gap,
            DisplayWidth.Pad(season, SeasonWidth, right: true), gap,
            DisplayWidth.Pad(episodes, EpisodesWidth), gap,
            DisplayWidth.Pad(group, GroupWidth), gap,
            confidence);
        Output.Write(line);
        Output.Write('\n');
    }
}
