using System.Runtime.CompilerServices;
using System.Text;
using Wcwidth;

namespace Episodic.Cli.Output;

/// <summary>
/// Terminal display width: CJK and most emoji take two cells, combining marks none. Tables measure, cut and pad by
/// this, not by string length, so columns stay aligned whatever script a release name is in.
/// </summary>
internal static class DisplayWidth
{
    public static int Of(string s)
    {
        var width = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            width += Cells(rune);
        }

        return width;
    }

    /// <summary>The start of <paramref name="s"/> within <paramref name="width"/> cells, "…" marking a cut.</summary>
    public static string Head(string s, int width)
    {
        if (Of(s) <= width)
        {
            return s;
        }

        var sb = new StringBuilder();
        var used = 0;
        foreach (var rune in s.EnumerateRunes())
        {
            var w = Cells(rune);
            if (used + w > width - 1)
            {
                break;
            }

            sb.Append(rune.ToString());
            used += w;
        }

        return sb.Append('…').ToString();
    }

    /// <summary>The end of <paramref name="s"/> within <paramref name="width"/> cells (where the episode number usually is).</summary>
    public static string Tail(string s, int width)
    {
        if (Of(s) <= width)
        {
            return s;
        }

        var runes = s.EnumerateRunes().ToList();
        var used = 0;
        var start = runes.Count;
        while (start > 0 && used + Cells(runes[start - 1]) <= width - 1)
        {
            start--;
            used += Cells(runes[start]);
        }

        return "…" + string.Concat(runes.Skip(start).Select(r => r.ToString()));
    }

    /// <summary>Pads with spaces to <paramref name="width"/> cells (left-aligned, or right-aligned).</summary>
    public static string Pad(string s, int width, bool right = false)
    {
        var fill = Math.Max(0, width - Of(s));
        return right ? new string(' ', fill) + s : s + new string(' ', fill);
    }

    /// <summary>
    /// Printable ASCII is one cell without asking the Unicode tables: most release names are all ASCII, and a table of
    /// them then never loads Wcwidth and its tables (start-up time; a test holds the shortcut to Wcwidth's answer).
    /// </summary>
    internal static int Cells(Rune rune) => rune.Value is >= 0x20 and < 0x7F ? 1 : UnicodeCells(rune);

    // Not inlined into Cells (and so into Of, Head, Tail and Pad): the method naming UnicodeCalculator would then load
    // Wcwidth as soon as it is compiled, ASCII or not.
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static int UnicodeCells(Rune rune) => Math.Max(0, UnicodeCalculator.GetWidth(rune.Value));
}
