namespace Episodic.Core.Parsing;

/// <summary>Season counts written in digits or in CJK numerals from one to twenty (第二季, 第十二期).</summary>
internal static class CjkNumerals
{
    private const string Digits = "一二三四五六七八九";

    public static bool TryParse(string text, out int value)
    {
        value = 0;
        if (text.Length > 0 && text.All(char.IsAsciiDigit))
        {
            return int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out value) && value > 0;
        }

        // 十 = 10, 十二 = 12, 二十 = 20, 三 = 3.
        var ten = text.IndexOf('十', StringComparison.Ordinal);
        if (ten < 0)
        {
            value = text.Length == 1 ? Digits.IndexOf(text[0], StringComparison.Ordinal) + 1 : 0;
            return value > 0;
        }

        var tens = ten == 0 ? 1 : Digits.IndexOf(text[0], StringComparison.Ordinal) + 1;
        var units = ten == text.Length - 1 ? 0 : Digits.IndexOf(text[^1], StringComparison.Ordinal) + 1;
        value = tens * 10 + units;
        return tens > 0 && units >= 0 && value <= 20;
    }
}
