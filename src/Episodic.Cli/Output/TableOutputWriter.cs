using System.Globalization;
using System.Text;
using Episodic.Core.Model;
using Episodic.Core.Text;

namespace Episodic.Cli.Output;

/// <summary>
/// A plain fixed-width text table (input, show, season, episodes, confidence), written row by row so that
/// output streams with flat memory; long inputs keep their tail, where the episode number usually is.
/// </summary>
internal sealed class TableOutputWriter(TextWriter output) : ParseOutputWriter(output)
{
    private const int InputWidth = 56;
    private const int ShowWidth = 32;
    private const int SeasonWidth = 6;
    private const int EpisodesWidth = 14;
    private readonly StringBuilder _line = new(160);
    private bool _headerWritten;

    public override void Write(EpisodeParse result)
    {
        if (!_headerWritten)
        {
            WriteRow("INPUT", "SHOW", "SEASON", "EPISODES", "CONF");
            _headerWritten = true;
        }

        WriteRow(
            Tail(Printable.Escape(result.Input), InputWidth),
            Head(Printable.Escape(result.ShowName ?? "-"), ShowWidth),
            result.Season?.ToString(CultureInfo.InvariantCulture) ?? "-",
            Head(DescribeEpisodes(result), EpisodesWidth),
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

    private void WriteRow(string input, string show, string season, string episodes, string confidence)
    {
        _line.Clear()
            .Append(input.PadRight(InputWidth)).Append("  ")
            .Append(show.PadRight(ShowWidth)).Append("  ")
            .Append(season.PadLeft(SeasonWidth)).Append("  ")
            .Append(episodes.PadRight(EpisodesWidth)).Append("  ")
            .Append(confidence);
        Output.Write(_line);
        Output.Write('\n');
    }

    private static string Head(string s, int width) => s.Length <= width ? s : string.Concat(s.AsSpan(0, width - 1), "…");

    private static string Tail(string s, int width) => s.Length <= width ? s : string.Concat("…", s.AsSpan(s.Length - width + 1));
}
