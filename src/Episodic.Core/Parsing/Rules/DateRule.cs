using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>
/// Air dates of daily shows: 2011.04.18, 2011-04-18, 2011 04 18, 18.04.2011, 04.28.2014, 2012.16.02, 20110418, 140722,
/// "31st Jan 2025". Dates before 1951 or in the future are rejected, and a name that only has such a date is not an episode.
/// </summary>
internal static class DateRule
{
    private const int EarliestYear = 1951;

    public static void Apply(Scan scan, DateOnly today)
    {
        for (var i = 0; i < scan.Count; i++)
        {
            // Every date form starts with a number (2011.04.18, 20110418, "31st Jan 2025"), so a token without a digit
            // starts none: the three readers below turned each such token away in turn.
            if (scan.Tokens[i].Consumed || scan.Tokens[i].Kind == TokenKind.Crc || !scan.Tokens[i].HasDigit)
            {
                continue;
            }

            var (date, last, plausible) = TryTriple(scan, i);
            if (!plausible)
            {
                (date, last, plausible) = TryCompact(scan, i);
            }

            if (!plausible)
            {
                (date, last, plausible) = TryMonthName(scan, i);
            }

            if (!plausible)
            {
                continue;
            }

            if (date is { } d && d.Year >= EarliestYear && d <= today.AddDays(7))
            {
                var shortForm = last == i && scan.Tokens[i].Text.Length == 6;
                if (scan.Tokens[i].InBrackets && i > scan.TitleStart)
                {
                    scan.Doubts.Add(Doubt.BracketedDate);
                }

                scan.Add(new Marker { Form = shortForm ? MarkerForm.ShortDate : MarkerForm.FullDate, Rule = shortForm ? "short air date" : "air date", Kind = MarkerKind.Date, First = i, Last = last, Date = d });
            }
            else
            {
                scan.RejectedDate = true;
                scan.Consume(i, last);
            }

            i = last;
        }
    }

    /// <summary>Three numbers joined by one separator kind.</summary>
    private static (DateOnly? Date, int Last, bool Plausible) TryTriple(Scan scan, int i)
    {
        if (scan.At(i) is not { IsDigits: true } a || scan.At(i + 1) is not { IsDigits: true } b || scan.At(i + 2) is not { IsDigits: true } c)
        {
            return (null, i, false);
        }

        if (b.Sep != c.Sep || b.Sep.Length != 1 || b.Sep[0] is not ('.' or '-' or ' ' or '_') || b.Text.Length > 2 || a.Text.Length > 4 || c.Text.Length > 4 || b.Consumed || c.Consumed)
        {
            return (null, i, false);
        }

        int x = int.Parse(a.Text, Inv), y = int.Parse(b.Text, Inv), z = int.Parse(c.Text, Inv);
        if (a.Text.Length == 4 && c.Text.Length <= 2)
        {
            // YYYY.MM.DD, or YYYY.DD.MM when the middle cannot be a month.
            return y > 12 ? (Make(x, z, y), i + 2, Make(x, z, y) is not null) : (Make(x, y, z), i + 2, Make(x, y, z) is not null);
        }

        if (c.Text.Length == 4 && a.Text.Length <= 2)
        {
            // DD.MM.YYYY, or MM.DD.YYYY when the first cannot be a day-of-month ordering.
            var dmy = Make(z, y, x);
            var mdy = Make(z, x, y);
            return (dmy ?? mdy, i + 2, (dmy ?? mdy) is not null);
        }

        // YY.MM.DD, the scene's short daily form ("Show.24.02.07"), only with dots and a plausible month.
        if (a.Text.Length == 2 && c.Text.Length == 2 && b.Sep == ".")
        {
            var d = Make(2000 + x, y, z);
            return (d, i + 2, d is not null);
        }

        return (null, i, false);
    }

    /// <summary>20110418 or (with no other marker around) 140722.</summary>
    private static (DateOnly? Date, int Last, bool Plausible) TryCompact(Scan scan, int i)
    {
        var t = scan.Tokens[i];
        if (!t.IsDigits || t.InBrackets && t.Text.Length != 8)
        {
            return (null, i, false);
        }

        if (t.Text.Length == 8 && int.Parse(t.Text.AsSpan(0, 4), Inv) is >= 1900 and <= 2099)
        {
            var d = Make(int.Parse(t.Text.AsSpan(0, 4), Inv), int.Parse(t.Text.AsSpan(4, 2), Inv), int.Parse(t.Text.AsSpan(6, 2), Inv));
            return (d, i, d is not null);
        }

        if (t.Text.Length == 6 && !t.InBrackets)
        {
            var d = Make(2000 + int.Parse(t.Text.AsSpan(0, 2), Inv), int.Parse(t.Text.AsSpan(2, 2), Inv), int.Parse(t.Text.AsSpan(4, 2), Inv));
            return (d, i, d is not null);
        }

        return (null, i, false);
    }

    /// <summary>"31st Jan 2025", "23rd Feb 2024".</summary>
    private static (DateOnly? Date, int Last, bool Plausible) TryMonthName(Scan scan, int i)
    {
        // "31st Jan 2025", and the plain-day form "2 Mar 2013", "15 January 2021".
        var first = scan.Tokens[i];
        int dayOfMonth;
        if (Patterns.Ordinal().Match(first) is { Success: true } day)
        {
            dayOfMonth = EpisodeTail.ParseInt(day.N);
        }
        else if (!(first.IsDigits && first.Text.Length <= 2 && Scan.TryNumber(first, out dayOfMonth)))
        {
            return (null, i, false);
        }

        if (scan.At(i + 1) is not { } month || !SeasonWords.Months.TryGetValue(month.Text, out var mm) || scan.At(i + 2) is not { IsDigits: true, Text.Length: 4 } year)
        {
            return (null, i, false);
        }

        var d = Make(int.Parse(year.Text, Inv), mm, dayOfMonth);
        return (d, i + 2, d is not null);
    }

    private static DateOnly? Make(int year, int month, int day) =>
        year is >= 1900 and <= 2099 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static readonly IFormatProvider Inv = System.Globalization.CultureInfo.InvariantCulture;
}
