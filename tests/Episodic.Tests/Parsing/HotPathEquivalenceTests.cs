using Episodic.Core.Evaluation;
using Episodic.Core.Parsing.Rules;
using Episodic.Core.Parsing.Tokens;
using Episodic.Core.Parsing.Vocabulary;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// The parser's fast paths skip a regex when a cheap check says it cannot match. That is only allowed when the check
/// is exact: these tests run the pre-checks and their regexes side by side on every token of the dev corpora, on
/// case and Unicode variants of them (the regexes fold case and read any decimal digit), and on hand-picked edge cases,
/// and require the same answer.
/// </summary>
public sealed class HotPathEquivalenceTests
{
    private static readonly (string Name, TokenPattern Pattern)[] TokenPatterns =
    [
        ("SeasonEpisode", Patterns.SeasonEpisode()), ("SeasonOnly", Patterns.SeasonOnly()), ("SeasonDisc", Patterns.SeasonDisc()),
        ("EpisodePart", Patterns.EpisodePart()), ("Cross", Patterns.Cross()), ("CrossAll", Patterns.CrossAll()),
        ("PartJoined", Patterns.PartJoined()), ("Number", Patterns.Number()), ("SplitNumber", Patterns.SplitNumber()),
        ("Ordinal", Patterns.Ordinal()), ("NOfM", Patterns.NOfM()), ("ChineseEpisode", Patterns.ChineseEpisode()),
        ("CjkSeason", Patterns.CjkSeason()), ("Version", Patterns.Version()),
    ];

    /// <summary>Long s and Kelvin sign fold to s and k; Arabic-Indic and full-width digits are \d; empty and lone letters.</summary>
    private static readonly string[] EdgeCases =
    [
        "", "s", "S", "e", "x", "v", "p", "\u017F01E02", "\u017F01", "S\u0661\u0662E\u0660\u0663", "\u0661\u0662", "S０１E０２", "４x０５",
        "1\u212Ak", "4\u212A", "第2期", "第二季", "第05话", "12話", "1xAll", "Part01", "pt3", "1st", "3of9", "v2", "V12", "S01E02and03",
        "10.5", "E05", "ep05", "T02E22", "t02e22", "01E06", "1E10", "T1000", "06х01", "06×01", "x264", "720p", "NCOP1", "SP01", "ova2", "Oad3", "sub\u017Fita", "webrip", "BluRay", "HDTVRip", "DLMux", "subita",
    ];

    public static TheoryData<string> Tokens()
    {
        var texts = new SortedSet<string>(EdgeCases, StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(TestPaths.DevCorpusDir, "*.tsv"))
        {
            foreach (var row in CorpusReader.Read(file))
            {
                foreach (var token in Tokenizer.Tokenize(row.Filename))
                {
                    texts.Add(token.Text);
                    texts.Add(token.Text.ToUpperInvariant());
                    texts.Add(token.Text.ToLowerInvariant());
                }
            }
        }

        var data = new TheoryData<string>();
        data.Add(string.Join('\n', texts)); // one case: thousands of tokens, one test result
        return data;
    }

    [Theory]
    [MemberData(nameof(Tokens))]
    public void Token_pattern_pre_checks_never_reject_what_the_regex_accepts(string joined)
    {
        var texts = joined.Split('\n');
        Assert.True(texts.Length > 1000, $"only {texts.Length} tokens");
        var matched = 0;
        foreach (var text in texts)
        {
            foreach (var (name, pattern) in TokenPatterns)
            {
                var expected = pattern.Regex.IsMatch(text);
                matched += expected ? 1 : 0;
                Assert.True(expected == pattern.IsMatch(text), $"{name} on \"{text}\": regex {expected}");
                Assert.Equal(expected, pattern.Match(text).Success);
            }

            Assert.True(!ReleaseNoise.NoisePattern().IsMatch(text) || ReleaseNoise.MayBeNoiseShape(text), $"noise pre-check rejects \"{text}\"");
        }

        Assert.True(matched > 100, $"only {matched} matches: the corpus tokens did not reach the patterns");
    }

    [Fact]
    public void Tokenizer_token_end_set_is_exactly_the_separators_and_brackets()
    {
        for (var c = char.MinValue; c < char.MaxValue; c++)
        {
            Assert.True(Tokenizer.IsTokenEnd(c) == Tokenizer.IsSeparatorOrBracket(c), $"U+{(int)c:X4}");
        }

        Assert.True(Tokenizer.IsTokenEnd('【') && Tokenizer.IsTokenEnd('\t') && !Tokenizer.IsTokenEnd('a'));
    }
}
