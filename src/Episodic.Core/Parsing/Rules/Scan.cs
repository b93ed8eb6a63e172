using Episodic.Core.Parsing.Tokens;

namespace Episodic.Core.Parsing.Rules;

/// <summary>The tokens of one name plus what the rules have found so far. Rules read and annotate it in turn.</summary>
internal sealed class Scan(string name, List<Token> tokens)
{
    public string Name { get; } = name;

    public List<Token> Tokens { get; } = tokens;

    public List<Marker> Markers { get; } = [];

    public string? ReleaseGroup { get; set; }

    /// <summary>Token span of the leading bracket read as the release group, if any (it may turn out to be the title).</summary>
    public (int First, int Last)? LeadingGroup { get; set; }

    public string? Crc32 { get; set; }

    /// <summary>Index of the first token that can belong to the title (after a leading group or web site).</summary>
    public int TitleStart { get; set; }

    /// <summary>A date-shaped run that failed validation (ancient or future); the name is then not trusted as an episode.</summary>
    public bool RejectedDate { get; set; }

    /// <summary>Fansub conventions are present ([Group] prefix, CRC, VOSTFR...): bare numbers are absolute episodes.</summary>
    public bool FansubStyle { get; set; }

    /// <summary>A recap number such as "10.5" was found; it is not a regular episode.</summary>
    public bool Recap { get; set; }

    /// <summary>Ambiguities the rules noticed; they lower the confidence and are named in the reasoning.</summary>
    public DoubtSet Doubts { get; } = new();

    /// <summary>Token indexes of the title the last <see cref="TitleRule.Build"/> call chose (for the evidence count).</summary>
    public List<int> LastTitleTokens
    {
        get => _lastTitleTokens ??= [];
        set => _lastTitleTokens = value;
    }

    /// <summary>Made on first read: the title rule usually sets its own list first, so an empty one made up front was garbage.</summary>
    private List<int>? _lastTitleTokens;

    public int Count => Tokens.Count;

    /// <summary>The first free word after a marker: true when the marker stands before every title word.</summary>
    public int TitleStartAfter(Marker m)
    {
        for (var i = TitleStart; i < Count; i++)
        {
            if (i >= m.First && i <= m.Last)
            {
                continue;
            }

            if (!Tokens[i].Consumed && Tokens[i].Kind == TokenKind.Word)
            {
                return i;
            }
        }

        return Count;
    }

    public Token? At(int i) => i >= 0 && i < Tokens.Count ? Tokens[i] : null;

    public bool IsFree(int i) => At(i) is { Consumed: false, Kind: not TokenKind.Noise and not TokenKind.Crc };

    public void Consume(int from, int to)
    {
        for (var i = Math.Max(0, from); i <= to && i < Tokens.Count; i++)
        {
            Tokens[i].Consumed = true;
        }
    }

    public Marker Add(Marker marker)
    {
        Markers.Add(marker);
        Consume(marker.First, marker.Last);
        return marker;
    }

    /// <summary>Parses a digits-only token into an int; false for anything else or absurd lengths.</summary>
    public static bool TryNumber(Token? t, out int value)
    {
        value = 0;
        if (t is null || t.Text.Length is 0 or > 5 || !t.IsDigits)
        {
            return false;
        }

        value = int.Parse(t.Text, System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }
}
