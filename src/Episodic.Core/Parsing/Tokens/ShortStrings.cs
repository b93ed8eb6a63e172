namespace Episodic.Core.Parsing.Tokens;

/// <summary>
/// Shared string instances for the one- and two-character ASCII texts the tokenizer cuts over and over (separators
/// such as ". " or "][", tokens such as "01", "DL", "5"), and for the spaced dash " - ": a name's tokens and separators
/// were otherwise new strings on every name. The strings are equal to the substrings they stand for, so no rule can
/// tell the difference.
/// </summary>
internal static class ShortStrings
{
    private static readonly string[] One = [.. Enumerable.Range(0, 128).Select(c => ((char)c).ToString())];

    /// <summary>Two-character strings, made on first use (a benign race: two threads may each make an equal string).</summary>
    private static readonly string?[] Two = new string?[128 * 128];

    private const string SpacedDash = " - ";

    /// <summary><paramref name="name"/>[<paramref name="from"/>..<paramref name="to"/>], shared when it is short ASCII.</summary>
    public static string Slice(string name, int from, int to)
    {
        switch (to - from)
        {
            case 0:
                return "";
            case 1 when name[from] < 128:
                return One[name[from]];
            case 2 when name[from] < 128 && name[from + 1] < 128:
                var index = name[from] << 7 | name[from + 1];
                return Two[index] ??= name[from..to];
            case 3 when name[from] == ' ' && name[from + 1] == '-' && name[from + 2] == ' ':
                return SpacedDash;
            default:
                return name[from..to];
        }
    }
}
