using Episodic.Core.Evaluation;
using Episodic.Core.Parsing;
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
public sealed partial class HotPathEquivalenceTests
{
    private static readonly (string Name, TokenPattern Pattern)[] TokenPatterns =
    [
        ("SeasonEpisode", Patterns.SeasonEpisode()), ("SeasonOnly", Patterns.SeasonOnly()), ("SeasonDisc", Patterns.SeasonDisc()),
        ("EpisodePart", Patterns.EpisodePart()), ("Cross", Patterns.Cross()), ("CrossAll", Patterns.CrossAll()),
        ("PartJoined", Patterns.PartJoined()), ("Number", Patterns.Number()), ("SplitNumber", Patterns.SplitNumber()),
        ("Ordinal", Patterns.Ordinal()), ("NOfM", Patterns.NOfM()), ("ChineseEpisode", Patterns.ChineseEpisode()),
        ("CjkSeason", Patterns.CjkSeason()), ("Version", Patterns.Version()), .. SpecialRule.GatedPatterns,
    ];

    /// <summary>The word tables that look ASCII tokens up among their ASCII words alone.</summary>
    private static readonly (string Name, WordSet Set)[] WordSets =
    [
        ("Season", SeasonWords.Season), ("Episode", SeasonWords.Episode), ("SeasonAfterNumber", SeasonWords.SeasonAfterNumber),
        ("EpisodeAfterNumber", SeasonWords.EpisodeAfterNumber), ("SeasonJoinable", SeasonWords.SeasonJoinable), ("EpisodeJoinable", SeasonWords.EpisodeJoinable),
        ("OrdinalSuffixes", SeasonWords.OrdinalSuffixes), ("RangeWords", SeasonWords.RangeWords), ("ReleaseNoise", ReleaseNoise.Words), ("Special", SeasonWords.Special), ("OrdinalWords", SeasonWords.OrdinalWords),
    ];

    /// <summary>The named groups the rules read off a token match.</summary>
    private static readonly string[] GroupNames = ["s", "e", "more", "v", "n", "part"];

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
            // The token overloads read the digit and ASCII answers the token worked out once; they must agree with the
            // string ones, which work them out again.
            var token = new Token(text, 0, "", -1, '\0');
            Assert.True(token.HasDigit == DigitShape().IsMatch(text) && token.IsAsciiText == AsciiTokenMatchers.TakesAsciiPath(text), $"token shape of \"{text}\"");
            foreach (var (name, pattern) in TokenPatterns)
            {
                var expected = pattern.Regex.IsMatch(text);
                matched += expected ? 1 : 0;
                Assert.True(expected == pattern.IsMatch(text) && expected == pattern.IsMatch(token), $"{name} on \"{text}\": regex {expected}");
                Assert.True(pattern.Match(text) == pattern.Match(token), $"{name} on token \"{text}\"");
                AssertSameGroups(name, pattern, text);
            }

            AssertSameNoise(text);
            Assert.True(ReleaseNoise.IsNoise(text) == ReleaseNoise.IsNoise(token), $"noise on token \"{text}\"");
            Assert.True(!GluedMarkerRule.AnyShapeMatches(text) || GluedMarkerRule.MayBeGlued(text), $"glued pre-check rejects \"{text}\"");
            foreach (var (name, set) in WordSets)
            {
                Assert.True(set.Words.Contains(text) == set.Contains(text) && set.Contains(text) == set.Contains(text.AsSpan()) && set.Contains(text) == set.Contains(token), $"{name} on \"{text}\"");
            }
        }

        Assert.True(matched > 100, $"only {matched} matches: the corpus tokens did not reach the patterns");
    }

    /// <summary>
    /// The hand matchers against their regexes on generated tokens: strings of up to six characters from the
    /// letters and digits the patterns are made of (and near misses), so each branch, run length and case is tried.
    /// </summary>
    [Fact]
    public void Hand_matchers_read_the_same_groups_as_the_regexes_on_generated_tokens()
    {
        const string Alphabet = "0123sSeExXpPtTaAnNdDvVfoclyi完х第";
        var buffer = new char[6];
        var checkedCount = 0;
        var matched = 0;
        for (var length = 1; length <= 6; length++)
        {
            var total = (long)Math.Pow(Alphabet.Length, length);
            var step = length switch { <= 3 => 1, 4 => 3, 5 => 97, _ => 2999 }; // every string up to three characters, a spread sample beyond (steps prime to the alphabet size)
            for (long k = 0; k < total; k += step)
            {
                var rest = k;
                for (var p = 0; p < length; p++)
                {
                    buffer[p] = Alphabet[(int)(rest % Alphabet.Length)];
                    rest /= Alphabet.Length;
                }

                var text = new string(buffer, 0, length);
                foreach (var (name, pattern) in TokenPatterns)
                {
                    matched += AssertSameGroups(name, pattern, text) ? 1 : 0;
                }

                checkedCount++;
            }
        }

        foreach (var text in new[] { "s01e02e03e04v2b", "S01E02and03and04", "s1234e1234", "s12345e1", "s01e12345", "T02E223", "t002e22", "01e06", "01E066", "1x02x03x004", "1x02and003", "2x05v123", "12v2end", "12END", "12v2fin", "ep12345", "e123456", "Part1234", "pt12345", "special123", "sp1234", "nced12", "ncop123", "S01D02", "s1d123", "12xall", "123xall", "3of999", "12a", "1234D", "21st", "11TH", "s01\n", "12\n", "S01E02\n", "1x02\n", "v2\n" })
        {
            foreach (var (name, pattern) in TokenPatterns)
            {
                matched += AssertSameGroups(name, pattern, text) ? 1 : 0;
            }
        }

        Assert.True(checkedCount > 500_000 && matched > 1000, $"{checkedCount} strings, {matched} matches");
    }

    /// <summary>
    /// The hand matchers and the noise matcher against their regexes on random tokens over all of printable ASCII
    /// (digits 0-9, every letter in both cases, punctuation, a final line feed) and on long digit runs, which the
    /// six-character alphabet above never makes: every quantifier bound of the patterns is crossed here.
    /// </summary>
    [Fact]
    public void Hand_matchers_agree_with_the_regexes_on_random_ascii_tokens_and_long_digit_runs()
    {
        const string Letters = "sSeExXpPtTaAnNdDvVfFiIoOcClLhHrRkKbBgGmMuUwWyY";
        var random = new Random(20261207);
        var buffer = new char[16];
        var matched = 0;
        var noise = 0;
        for (var k = 0; k < 200_000; k++)
        {
            var length = random.Next(1, buffer.Length + 1);
            for (var p = 0; p < length; p++)
            {
                var roll = random.Next(100);
                buffer[p] = roll < 50 ? (char)('0' + random.Next(10)) : roll < 85 ? Letters[random.Next(Letters.Length)] : (char)random.Next(0x20, 0x7F);
            }

            if (random.Next(50) == 0)
            {
                buffer[length - 1] = '\n';
            }

            var text = new string(buffer, 0, length);
            foreach (var (name, pattern) in TokenPatterns)
            {
                matched += AssertSameGroups(name, pattern, text) ? 1 : 0;
            }

            noise += AssertSameNoise(text) ? 1 : 0;
        }

        // Digit runs from none to far past every bound (and past int's ten digits) in each slot of the shapes.
        string[] shapes = ["s{0}e{1}", "S{0}E{1}v{1}", "s{0}e{1}e{0}", "s{0}e{1}and{0}", "t{0}e{1}", "{0}e{1}", "{0}x{1}", "{0}x{1}x{0}", "{0}x{1}and{0}",
            "e{0}", "ep{0}e{1}", "x{0}v{1}", "{0}", "{0}v{1}", "{0}v{1}end", "{0}fin", "{0}a", "{0}st", "{0}of{1}", "v{0}", "s{0}", "s{0}d{1}", "{0}xall",
            "part{0}", "pt{0}", "sp{0}", "special{0}", "ova{0}", "nced{0}", "{0}p", "{0}i{1}", "{0}ch", "{0}fps", "{0}.{1}gb", "{0}bit", "{0}bits", "hd{0}", "ddp{0}", "x{0}", "h.{0}"];
        foreach (var shape in shapes)
        {
            for (var a = 0; a <= 12; a++)
            {
                for (var b = 0; b <= 6; b++)
                {
                    var text = string.Format(System.Globalization.CultureInfo.InvariantCulture, shape, new string('7', a), new string('1', b));
                    if (text.Length == 0)
                    {
                        continue;
                    }

                    foreach (var (name, pattern) in TokenPatterns)
                    {
                        matched += AssertSameGroups(name, pattern, text) ? 1 : 0;
                    }

                    noise += AssertSameNoise(text) ? 1 : 0;
                }
            }
        }

        Assert.True(matched > 2000 && noise > 200, $"{matched} pattern matches, {noise} noise matches");
    }

    /// <summary>The ASCII noise matcher against the noise regex on tokens built from the pieces its shapes are made of.</summary>
    [Fact]
    public void Noise_shape_matcher_agrees_with_the_noise_regex_on_generated_tokens()
    {
        string[] pieces =
        [
            "", "1", "10", "26", "264", "5", "720", "1080", "2160", "p", "I", "x", "K", "h", ".", "+", "-", "_", "dd", "DDP", "aac", "eac", "mp", "truehd", "ch", "fps",
            "Mbits", "kbps", "gb", "mb", "bit", "bits", "web", "dl", "rip", "blu", "ray", "HDTV", "mux", "s", "ub", "ita", "hd", "fhd", "uhd", "a", "4k", "é", "\n",
        ];
        var matched = 0;
        foreach (var a in pieces)
        {
            foreach (var b in pieces)
            {
                foreach (var c in pieces)
                {
                    var text = a + b + c;
                    if (text.Length > 0)
                    {
                        matched += AssertSameNoise(text) ? 1 : 0;
                    }
                }
            }
        }

        Assert.True(matched > 500, $"only {matched} noise matches");
    }

    /// <summary>The noise lookup's shape test says what the regex says; true when the regex matches.</summary>
    private static bool AssertSameNoise(string text)
    {
        var expected = ReleaseNoise.NoisePattern().IsMatch(text);
        var actual = AsciiTokenMatchers.TakesAsciiPath(text) ? AsciiNoiseShape.IsMatch(text) : ReleaseNoise.NoisePattern().IsMatch(text);
        Assert.True(expected == actual, $"noise shape on \"{text}\": regex {expected}");
        return expected;
    }

    /// <summary>The token pattern and its bare regex agree on success and on every named group's place; true on a match.</summary>
    private static bool AssertSameGroups(string name, TokenPattern pattern, string text)
    {
        var expected = pattern.Regex.Match(text);
        var actual = pattern.Match(text);
        Assert.True(expected.Success == actual.Success, $"{name} on \"{text}\": regex {expected.Success}");
        Assert.True(actual == pattern.Match(new Token(text, 0, "", -1, '\0')), $"{name} on the token \"{text}\"");
        if (!expected.Success)
        {
            return false;
        }

        foreach (var group in GroupNames)
        {
            var g = expected.Groups.TryGetValue(group, out var found) && found.Success ? found : null;
            var mine = group switch
            {
                "s" => actual.S,
                "e" => actual.E,
                "more" => actual.More,
                "v" => actual.V,
                "n" => actual.N,
                _ => actual.Part,
            };
            Assert.True(mine.Success == (g is not null) && (g is null || g.Index == mine.Index && g.Length == mine.Length && g.Value == mine.Value),
                $"{name} on \"{text}\": group {group} regex {(g is null ? "none" : $"{g.Index}+{g.Length}")}, matcher {(mine.Success ? $"{mine.Index}+{mine.Length}" : "none")}");
        }

        return true;
    }

    /// <summary>Every word of each table is found by both lookups in any case, and the big multi-language tables take the ASCII path.</summary>
    [Fact]
    public void Word_sets_find_every_word_and_split_the_big_tables()
    {
        foreach (var (name, set) in WordSets)
        {
            foreach (var word in set.Words)
            {
                foreach (var form in new[] { word, word.ToUpperInvariant(), word.ToLowerInvariant(), "x" + word })
                {
                    Assert.True(set.Words.Contains(form) == set.Contains(form) && set.Contains(form) == set.Contains(form.AsSpan())
                        && set.Contains(form) == set.Contains(new Token(form, 0, "", -1, '\0')), $"{name} on \"{form}\"");
                }
            }
        }

        Assert.True(SeasonWords.Season.SplitsAscii && SeasonWords.Episode.SplitsAscii && ReleaseNoise.Words.SplitsAscii);
        Assert.True(ReleaseNoise.IsNoise("WEB-DL") && ReleaseNoise.IsNoise("español") && !ReleaseNoise.IsNoise("espanola") && SeasonWords.Season.Contains("СЕЗОН"));
    }

    /// <summary>
    /// The length and first-letter pre-check on words whose first letter is not ASCII but has an ASCII case partner in
    /// Unicode (long s, Kelvin sign, dotted capital I) or is a surrogate pair: it must answer as the set itself does.
    /// (.NET's ordinal ignore-case folds none of them to ASCII today, so this holds the non-ASCII pass-through and the
    /// length bounds; the first-letter bits are worked out with the set's own comparison, whatever it folds.)
    /// </summary>
    [Fact]
    public void Word_set_pre_check_answers_as_the_set_for_non_ascii_first_letters()
    {
        var set = new WordSet(["\u017Fx", "\u212Ay", "\u0130z", "\U0001D400w", "ab"]);
        string[] forms = ["sx", "SX", "\u017Fx", "\u017FX", "ky", "KY", "\u212Ay", "\u212AY", "iz", "IZ", "\u0130z", "\u0131z", "\U0001D400w", "aw", "ab", "AB", "a", "abc", "", "x"];
        foreach (var form in forms)
        {
            var expected = set.Words.Contains(form);
            Assert.True(expected == set.Contains(form) && expected == set.Contains(form.AsSpan()) && expected == set.Contains(new Token(form, 0, "", -1, '\0')), $"\"{form}\": set {expected}");
        }

        Assert.True(set.Contains("AB") && !set.Contains("abc"));
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

    [Fact]
    public void The_shape_the_tokenizer_reads_in_its_pass_is_the_tokens_own()
    {
        // The tokenizer works out each token's digit and ASCII answers while finding its end; they must be what the
        // token reads from its text alone, for corpus names and for generated ones (non-ASCII digits and letters,
        // brackets, separators and a line break next to the text).
        var names = new List<string>(EdgeCases);
        foreach (var file in Directory.GetFiles(TestPaths.DevCorpusDir, "*.tsv"))
        {
            names.AddRange(CorpusReader.Read(file).Select(row => row.Filename));
        }

        var random = new Random(20261207);
        const string Alphabet = "aZ09\u0661\uFF11\u00E9\u4E8C. -_[]()\n~";
        for (var n = 0; n < 20_000; n++)
        {
            names.Add(new string([.. Enumerable.Range(0, random.Next(1, 12)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]));
        }

        var checkedTokens = 0;
        foreach (var name in names)
        {
            foreach (var t in Tokenizer.Tokenize(name))
            {
                var reference = new Token(t.Text, 0, "", -1, '\0');
                Assert.True(
                    t.IsDigits == reference.IsDigits && t.HasDigit == reference.HasDigit && t.IsAsciiText == reference.IsAsciiText,
                    $"token \"{t.Text}\" of \"{name}\": tokenizer ({t.IsDigits}, {t.HasDigit}, {t.IsAsciiText}), token ({reference.IsDigits}, {reference.HasDigit}, {reference.IsAsciiText})");
                checkedTokens++;
            }
        }

        Assert.True(checkedTokens > 10_000, $"only {checkedTokens} tokens");
    }

    [Fact]
    public void Coverage_with_the_title_as_bits_is_the_coverage_with_the_title_as_a_list()
    {
        // Names of up to 150 tokens, so title indexes on both sides of 64 (where the bits stop), and title lists with
        // negative, out-of-range and repeated indexes.
        var random = new Random(20261207);
        string[] words = ["Show", "720p", "x264", "-", "05", "[ABCD1234]", "Name", "S01E02", "AAC2.0", "Part"];
        for (var n = 0; n < 2_000; n++)
        {
            var name = string.Join(' ', Enumerable.Range(0, random.Next(1, 150)).Select(_ => words[random.Next(words.Length)]));
            var scan = new Scan(name, Tokenizer.Tokenize(name));
            NoiseRule.Apply(scan);
            scan.TitleStart = random.Next(2) == 0 ? 0 : random.Next(0, scan.Count);
            foreach (var t in scan.Tokens)
            {
                t.Consumed = random.Next(8) == 0;
            }

            var title = Enumerable.Range(0, random.Next(0, 40)).Select(_ => random.Next(-3, scan.Count + 3)).ToList();
            var first = random.Next(-1, scan.Count + 1);
            var last = first + random.Next(0, 4);

            var content = 0;
            var explained = 0;
            for (var i = scan.TitleStart; i < scan.Count; i++)
            {
                var t = scan.Tokens[i];
                if (t.Kind is not (TokenKind.Noise or TokenKind.Crc or TokenKind.Dash))
                {
                    content++;
                    explained += t.Consumed || title.Contains(i) || i >= first && i <= last ? 1 : 0;
                }
            }

            var expected = content == 0 ? 1 : (double)explained / content;
            Assert.True(expected == ReadingScorer.CoverageOf(scan, first, last, title), $"coverage of \"{name}\" from {scan.TitleStart}, title [{string.Join(',', title)}], marker {first}..{last}");
        }
    }

    [Fact]
    public void A_token_match_reads_back_the_groups_it_packed_and_refuses_what_does_not_fit()
    {
        var text = new string('7', PathParts.MaxLength + 1);
        var none = TokenGroup.None;
        var m = new TokenMatch(true, new TokenGroup(text, PathParts.MaxLength, 1), none, new TokenGroup(text, 0, PathParts.MaxLength + 1), none, none, none);

        Assert.Equal((PathParts.MaxLength, 1), (m.S.Index, m.S.Length));
        Assert.Equal((0, PathParts.MaxLength + 1), (m.More.Index, m.More.Length));
        Assert.False(m.E.Success);
        Assert.NotEqual(TokenMatch.Fail, m);

        var huge = new string('7', 70_000);
        Assert.Throws<ArgumentOutOfRangeException>(() => new TokenMatch(true, new TokenGroup(huge, 0, huge.Length), none, none, none, none, none));
    }

    [Fact]
    public void Reversed_marker_scan_agrees_with_its_regex_on_names_reversed_names_and_generated_strings()
    {
        var inputs = new List<string>
        {
            "10E10S.esaeleR.emoS", "1E1S", "999E999S", "1E1000S", "E10S", "10E S", "10ES", "x10E10s", "10e10S", "\u0661\u0660E\u0661S",
            "10E1\u0661S", "E", "", "EEEE1E2S", "12E3456S7E8S", "Show.S01E02.720p", "abcE1S", "5EE1S", "5E1ES",
        };
        foreach (var file in Directory.GetFiles(TestPaths.DevCorpusDir, "*.tsv"))
        {
            foreach (var row in CorpusReader.Read(file))
            {
                inputs.Add(row.Filename);
                inputs.Add(new string([.. row.Filename.Reverse()]));
            }
        }

        // Short strings over the alphabet that matters ('E', 'S', ASCII and Arabic-Indic digits, a separator).
        var random = new Random(20261207);
        const string Alphabet = "ES0129\u0663.e";
        for (var n = 0; n < 20_000; n++)
        {
            inputs.Add(new string([.. Enumerable.Range(0, random.Next(1, 10)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]));
        }

        var disagreements = inputs.Where(s => ReversedMarker.IsIn(s) != ReversedMarkerShape().IsMatch(s)).Take(5).ToList();

        Assert.Empty(disagreements);
        Assert.Contains(inputs, s => ReversedMarker.IsIn(s));
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"\d{1,3}E\d{1,3}S", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex ReversedMarkerShape();

    /// <summary>What a regex's <c>\d</c> matches: the reference for <see cref="Token.HasDigit"/>.</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\d")]
    private static partial System.Text.RegularExpressions.Regex DigitShape();
}
