using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;

namespace Episodic.Core.Parsing.Rules;

/// <summary>Marks release noise, codec and audio numbers (H.264, DD5.1, AAC2.0, 10-bit) and CRC32 tags.</summary>
internal static class NoiseRule
{
    private const string Fansub = "fansub";

    public static void Apply(Scan scan)
    {
        var tokens = scan.Tokens;
        for (var i = 0; i < tokens.Count; i++)
        {
            var t = tokens[i];
            if (IsCrc(t))
            {
                t.Kind = TokenKind.Crc;
                scan.Crc32 ??= t.Text.ToUpperInvariant();
                continue;
            }

            if (IsRecap(scan, i))
            {
                // "Show - 10.5": a recap between episodes 10 and 11, not episode 10 or 5.
                scan.Recap = true;
                scan.Consume(i, i + 1);
                continue;
            }

            if (t.IsDigits)
            {
                t.Kind = IsNoiseNumber(scan, i) ? TokenKind.Noise : TokenKind.Number;
                continue;
            }

            if (IsVolume(scan, i))
            {
                // "Show Vol.2 - 05", "Show Volume 3 - 01": a disc or book volume, neither title nor episode.
                t.Kind = TokenKind.Noise;
                tokens[i + 1].Kind = TokenKind.Noise;
                i++;
                continue;
            }

            if (t.Opener == '(' && t.Text.Equals("TV", StringComparison.OrdinalIgnoreCase) && scan.At(i - 1)?.Group != t.Group && scan.At(i + 1)?.Group != t.Group)
            {
                // "Show (TV) - 05": the broadcast-series tag, not part of the show name.
                t.Kind = TokenKind.Noise;
                continue;
            }

            if (t.IsNoiseWord)
            {
                t.Kind = TokenKind.Noise;
            }

            // Once one marker is seen the name is fansub-style; the remaining tokens need not be asked.
            // "fansub" inside a word needs a token at least that long (the marker endings are guarded in IsFansubMarker).
            if (!scan.FansubStyle && (ReleaseNoise.IsFansubMarker(t.Text) || t.Text.Length >= Fansub.Length && t.Text.Contains(Fansub, StringComparison.OrdinalIgnoreCase)))
            {
                scan.FansubStyle = true;
            }
        }
    }

    /// <summary>"Vol.2", "Vol 3", "Volume 1": only with a number of at most two digits right after it.</summary>
    private static bool IsVolume(Scan scan, int i) =>
        (scan.Tokens[i].Text.Equals("vol", StringComparison.OrdinalIgnoreCase) || scan.Tokens[i].Text.Equals("volume", StringComparison.OrdinalIgnoreCase))
        && i > 0 && scan.At(i + 1) is { IsDigits: true, Text.Length: <= 2, Sep: "." or " " or "_" };

    private static bool IsRecap(Scan scan, int i) =>
        scan.Tokens[i] is { IsDigits: true, Text.Length: <= 4 } t && scan.At(i + 1) is { Text: "5", Sep: "." } && (t.SpacedDashBefore || t.Sep == " " && !IsAudioContext(scan, i));

    private static bool IsCrc(Token t) =>
        t.InBrackets && t.Text.Length == 8 && Patterns.Crc().IsMatch(t.Text) && t.Text.Any(char.IsAsciiLetter) && t.Text.Any(char.IsAsciiDigit);

    /// <summary>Numbers that belong to a codec or audio spelling, or stand as a resolution.</summary>
    private static bool IsNoiseNumber(Scan scan, int i)
    {
        var t = scan.Tokens[i];
        var prev = scan.At(i - 1);
        var next = scan.At(i + 1);
        var prevText = prev?.Text ?? "";

        // H.264, x.265, "H 264"
        if (t.Text is "264" or "265" && prevText.Length == 1 && prevText is "H" or "h" or "x" or "X")
        {
            return true;
        }

        // 5.1, 2.0, 7.1 and DD5.1 / AAC2.0 / "DD5 1": a one-digit number glued by '.' or ' ' to an audio token or digit.
        if (t.Text.Length == 1 && prev is not null && (t.Sep is "." or " ") && (prev.Kind == TokenKind.Noise && char.IsAsciiDigit(prevText[^1]) || (prevText is "5" or "2" or "7" or "6" && t.Sep == "." && prev.Sep.Length > 0 && IsAudioContext(scan, i - 1))))
        {
            return true;
        }

        if (t.Text.Length == 1 && (next?.Text is "1" or "0") && next.Sep == "." && IsAudioContext(scan, i))
        {
            return true;
        }

        // "10-bit", "8 bits"
        if (next is not null && next.Text.StartsWith("bit", StringComparison.OrdinalIgnoreCase) && t.Text is "8" or "10" or "12")
        {
            return true;
        }

        // A bare resolution (1080, 720, 2160) is noise unless it stands where an episode number would ("Show - 720").
        if (t.Text is "1080" or "720" or "2160" or "480" or "576" && !t.SpacedDashBefore)
        {
            return true;
        }

        return false;
    }

    /// <summary>True when the number at i sits among audio/codec words (so "5.1" is channels, not an episode).</summary>
    private static bool IsAudioContext(Scan scan, int i)
    {
        for (var k = Math.Max(0, i - 2); k <= Math.Min(scan.Count - 1, i + 3); k++)
        {
            if (k != i && scan.Tokens[k].Kind == TokenKind.Noise)
            {
                return true;
            }

            if (k != i && (scan.Tokens[k].IsNoiseWord || scan.Tokens[k].Text.Equals("ch", StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }
}
