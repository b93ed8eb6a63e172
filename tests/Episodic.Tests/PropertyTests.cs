using System.Diagnostics;
using System.Text;
using CsCheck;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests;

/// <summary>Runs after the parallel test classes, alone, so that the per-call timings are not taken on a busy machine.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ParserRobustnessSerialGroup
{
    public const string Name = "Parser robustness and timing";
}

/// <summary>
/// Robustness of the rule parser on random, mutated and hostile input: it never throws, always echoes its input,
/// keeps every number in range and answers each name in well under 5 ms.
/// </summary>
[Collection(ParserRobustnessSerialGroup.Name)]
public sealed class PropertyTests
{
    /// <summary>Budget for one parse of a name of ordinary length (the minimum of three repeated calls is measured).</summary>
    private const double MaxMillisPerParse = 5.0;

    /// <summary>Looser budget for the 10,000-character hostile inputs: catches catastrophic backtracking, not slowness.</summary>
    private const double MaxMillisPerHostileParse = 100.0;

    private static readonly RuleParser Parser = RuleParser.Default;

    /// <summary>Invented but realistic names covering the patterns the parser knows; the seeds for mutation.</summary>
    private static readonly string[] RealisticNames =
    [
        "Harbor.Lights.S01E07.1080p.WEB-DL.DDP5.1.H.264-NTb",
        "Harbor Lights S03 E04 720p HDTV x264-GRP",
        "Harbor_Lights_S01_E02_[720p]",
        "Copper.Valley.S01E01v2.720p",
        "Copper Valley 4x05 The Long Night HDTV",
        "Gilded.Hours.1013.HDTV.x264-GRP",
        "Night.Market.S01E01-E03.720p.HDTV",
        "Night Market 1x01-02-03 HDTV",
        "Night Market Season 2 Episode 5 720p",
        "Night Market 3rd Season 49 [1080p]",
        "[Lantern] Night Market S2 - 07 [1080p]",
        "Night Market Ep 12 [720p]",
        "[Lantern] Silver Orchard - 06 (1080p) [ABCD1234].mkv",
        "[Lantern] Silver Orchard - 01v2 (1080p) [ABCD1234].mkv",
        "[Lantern] Pirate Voyage - 1000 (1080p) [0F1E2D3C].mkv",
        "[Lantern]_Silver_Orchard_-_03_[1080p]_[A1B2C3D4].mkv",
        "The.Evening.Desk.2011.04.18.Guest.Name.720p.HDTV.x264-GRP",
        "The.Evening.Desk.20110418.WEB.h264",
        "The.Evening.Desk.18.04.2011.PDTV",
        "Copper.Valley.S01.1080p.BluRay.x264-GRP",
        "Copper Valley Season 1 Complete 720p",
        "Copper.Valley.S01-S03.1080p.WEB-DL",
        "Copper.Valley.S00E01.Behind.the.Scenes.720p",
        "[Lantern] Silver Orchard - SP01 [1080p].mkv",
        "[Lantern] Silver Orchard OVA [1080p].mkv",
        "Lighthouse Keepers (2010) S01E01 720p",
        "9-1-1.S02E03.1080p.WEB.h264-GRP",
        "The.100.S04E02.720p.HDTV",
        "[Lantern] Kaijuu 8-gou - 01 [1080p].mkv",
        "Silver Orchard/Season 2/05.mkv",
        "D:\\TV\\Silver Orchard\\Season 2\\05.mkv",
        "[Lantern] Harbor Lights - 07 [1080p][HEVC][10bit][FLAC][Dual-Audio].mkv",
        "MOONLIT.BAKERY.S01E03.1080p.WEB.H264-GRP",
        "[Lantern] Go Go Rangers!! - 05 [720p].mkv",
        "Quiet.Harbour.Film.2019.1080p.BluRay.x264-GRP",
        "7be0c94d1f2a4e8b9c3d5e6f70812a9b",
    ];

    /// <summary>Tokens that mutation splices in: pattern fragments, release noise, separators and awkward characters.</summary>
    private static readonly string[] Tokens =
    [
        "S01E02", "s1e1", "E05", "E01-E99", "1x01", "01-03", "v2", "Season 2", "Episode", "Ep", "3rd Season", "SP01", "OVA",
        "1080p", "x264", "x265", "10bit", "DDP5.1", "WEB-DL", "PROPER", "REPACK", "2010", "(2010)", "2011.04.18", "20110418",
        "[ABCD1234]", "[Group]", "-GRP", " - ", ".", "_", " ", "-", "[", "]", "(", ")", "/", "\\", "..", "9999999999",
        "S99999999999E99999999999", "\0", "\u0007", "\uD800", "\uDFFF", "\u200B", "\u202E", "\u3042\u3044", "🎬", "S٠٣E٠٥", "١٠٧١", "сезон", "серия", "第2季", "5화",
    ];

    /// <summary>Characters likely to trip a parser: controls, lone surrogates, zero-width, separators, digits, pattern letters.</summary>
    private const string NastyChars =
        "\0\u0001\u0008\u0009\u000A\u000D\u001B\u001F\u007F\u0085\u00A0\uD800\uDBFF\uDC00\uDFFF\uFEFF\uFFFE\uFFFF\u200B\u0301\u202E" +
        " .-_[]()/\\{}#&!'\"0123456789xXsSeEvVpP٠١٢٣٤٥٦٧٨٩۳३৫๕";

    private static readonly Gen<string> RandomStrings = Gen.OneOf(
        Gen.String,
        Gen.Char['\0', '\uFFFF'].Array[0, 120].Select(a => new string(a)),
        Gen.Frequency((2, Gen.Char['\0', '\uFFFF']), (3, Gen.Char[NastyChars])).Array[0, 160].Select(a => new string(a)));

    private readonly record struct Mutation(int Kind, int Position, int Token, char Char);

    private static readonly Gen<Mutation> Mutations = Gen.Select(
        Gen.Int[0, 7],
        Gen.Int[0, 100_000],
        Gen.Int[0, Tokens.Length - 1],
        Gen.Frequency((1, Gen.Char['\0', '\uFFFF']), (3, Gen.Char[NastyChars])),
        (kind, position, token, c) => new Mutation(kind, position, token, c));

    private static readonly Gen<string> MutatedNames = Gen.Select(
        Gen.Int[0, RealisticNames.Length - 1],
        Mutations.Array[1, 8],
        (i, mutations) => Mutate(RealisticNames[i], mutations));

    // ---------------------------------------------------------------- properties

    [Fact]
    public void Random_strings_never_throw_and_give_valid_results()
    {
        Check.Sample(RandomStrings, s => AssertValid(s, Parser.Parse(s)), iter: 3000);
    }

    [Fact]
    public void Mutated_realistic_names_never_throw_and_give_valid_results()
    {
        Check.Sample(MutatedNames, s => AssertValid(s, Parser.Parse(s)), iter: 3000);
    }

    [Fact]
    public void Unmutated_realistic_names_give_valid_results()
    {
        foreach (var name in RealisticNames)
        {
            AssertValid(name, Parser.Parse(name));
        }
    }

    [Fact]
    public void Each_parse_takes_under_5_ms()
    {
        WarmUp();
        var slowest = 0.0;
        var slowestInput = "";
        var samples = 0;
        var gen = Gen.Frequency((1, RandomStrings), (2, MutatedNames), (1, Gen.OneOf<string>(RealisticNames)));
        Check.Sample(gen, s =>
        {
            var ms = MinMillisOfThree(s);
            samples++;
            if (ms > slowest)
            {
                slowest = ms;
                slowestInput = s;
            }
        }, iter: 1500, threads: 1);

        Assert.True(samples > 0);
        Assert.True(slowest < MaxMillisPerParse,
            $"Slowest parse took {slowest:F3} ms (budget {MaxMillisPerParse} ms) over {samples} samples; input: {Check.Print(slowestInput)}");
    }

    // ---------------------------------------------------------------- named hostile inputs

    private static readonly Dictionary<string, string> HostileInputs = new()
    {
        ["empty"] = "",
        ["space"] = " ",
        ["whitespace"] = " \t\r\n\u00A0\u3000 ",
        ["10k a"] = new string('a', 10_000),
        ["10k digits and brackets"] = DigitsAndBrackets(10_000),
        ["10k SxxEyy"] = string.Concat(Enumerable.Repeat("S01E01", 1_700)),
        ["10k dashes and digits"] = string.Concat(Enumerable.Repeat("1-", 5_000)),
        ["control characters"] = "\u0001\u0002\u0007\b\t\n\v\f\r\u001B\u007F\u0085",
        ["lone high surrogate"] = "\uD800",
        ["lone low surrogate in a name"] = "Harbor.Lights.S01E0\uDC002.720p",
        ["reversed surrogate pair"] = "\uDC00\uD800 - 01",
        ["only digits"] = "1234567890",
        ["only brackets"] = "[][][]()()",
        ["unbalanced brackets"] = "[[[[(((( Show - 01 ]]]",
        ["path traversal"] = "../../etc/passwd",
        ["null characters"] = "\0\0",
        ["null inside a name"] = "Harbor.Lights.S01\0E07.720p",
        ["separators only"] = "...---___   ///\\\\\\",
        ["huge episode range"] = "Harbor.Lights.S01E01-E2147483647.720p",
        ["huge absolute range"] = "[Lantern] Silver Orchard - 1-999999999 [1080p].mkv",
        ["overflowing numbers"] = "Harbor Lights S99999999999999999999E99999999999999999999",
        ["overflowing date"] = "The.Evening.Desk.99999.99.99.HDTV",
        ["impossible date"] = "The.Evening.Desk.2011.02.31.HDTV",
        ["deep path"] = string.Join('/', Enumerable.Repeat("Season 1", 500)) + "/01.mkv",
        ["right-to-left override and emoji"] = "\u202EHarbor Lights\u202C 🎬 - 01",
    };

    public static TheoryData<string> HostileInputNames => new(HostileInputs.Keys);

    [Theory]
    [MemberData(nameof(HostileInputNames))]
    public void Hostile_inputs_never_throw(string name)
    {
        WarmUp();
        var input = HostileInputs[name];
        AssertValid(input, Parser.Parse(input));
        var ms = MinMillisOfThree(input);
        var budget = input.Length > 1_000 ? MaxMillisPerHostileParse : MaxMillisPerParse;
        Assert.True(ms < budget, $"Parsing '{name}' ({input.Length} chars) took {ms:F3} ms; budget {budget} ms.");
    }

    [Fact]
    public void Null_input_does_not_throw()
    {
        var p = Parser.Parse(null!);
        Assert.NotNull(p);
        Assert.False(p.IsEpisode);
        Assert.Equal(0, p.Confidence);
    }

    // ---------------------------------------------------------------- helpers

    private static void AssertValid(string input, EpisodeParse p)
    {
        Assert.NotNull(p);
        Assert.Equal(input, p.Input);
        Assert.False(double.IsNaN(p.Confidence), "Confidence is NaN.");
        Assert.InRange(p.Confidence, 0.0, 1.0);
        Assert.Equal(AnswerSource.Rules, p.Source);
        Assert.False(string.IsNullOrWhiteSpace(p.Reasoning), "Reasoning must be non-empty.");
        Assert.DoesNotContain("rule parser failed", p.Reasoning, StringComparison.Ordinal);
        Assert.NotNull(p.Episodes);
        Assert.NotNull(p.AbsoluteEpisodes);
        Assert.All(p.Episodes, e => Assert.True(e >= 0, $"Negative episode {e}."));
        Assert.All(p.AbsoluteEpisodes, e => Assert.True(e >= 0, $"Negative absolute episode {e}."));
        if (p.Season is { } season)
        {
            Assert.True(season >= 0, $"Negative season {season}.");
        }

        if (p.Version is { } version)
        {
            Assert.True(version >= 0, $"Negative version {version}.");
        }

        if (p.Year is { } year)
        {
            Assert.InRange(year, 1000, 9999);
        }

        if (p.Crc32 is { } crc)
        {
            Assert.Equal(8, crc.Length);
        }

        if (!p.IsEpisode)
        {
            Assert.Null(p.Episode);
        }
    }

    private static bool warmedUp;

    /// <summary>One untimed pass so JIT, regex construction and static initialisation are not charged to a sample.</summary>
    private static void WarmUp()
    {
        if (warmedUp)
        {
            return;
        }

        foreach (var name in RealisticNames)
        {
            Parser.Parse(name);
        }

        warmedUp = true;
    }

    /// <summary>The fastest of three parses of the same input: a scheduler hiccup or GC pause in one call does not count.</summary>
    private static double MinMillisOfThree(string input)
    {
        var best = double.MaxValue;
        for (var i = 0; i < 3; i++)
        {
            var start = Stopwatch.GetTimestamp();
            Parser.Parse(input);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            best = Math.Min(best, ms);
        }

        return best;
    }

    private static string DigitsAndBrackets(int length)
    {
        const string alphabet = "0123456789[]()";
        var sb = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            sb.Append(alphabet[(i * 7 + i / 13) % alphabet.Length]);
        }

        return sb.ToString();
    }

    /// <summary>Applies character- and token-level edits (insert, delete, replace, duplicate, swap) to a name.</summary>
    private static string Mutate(string name, Mutation[] mutations)
    {
        var s = name;
        foreach (var m in mutations)
        {
            switch (m.Kind)
            {
                case 0: // insert a character
                    s = s.Insert(m.Position % (s.Length + 1), m.Char.ToString());
                    break;
                case 1: // delete a character
                    if (s.Length > 0)
                    {
                        s = s.Remove(m.Position % s.Length, 1);
                    }

                    break;
                case 2: // replace a character
                    if (s.Length > 0)
                    {
                        var at = m.Position % s.Length;
                        s = string.Concat(s.AsSpan(0, at), m.Char.ToString(), s.AsSpan(at + 1));
                    }

                    break;
                case 3: // duplicate a run of characters
                    if (s.Length > 0)
                    {
                        var at = m.Position % s.Length;
                        var len = Math.Min(1 + (m.Position / 7 % 8), s.Length - at);
                        s = s.Insert(at, s.Substring(at, len));
                    }

                    break;
                case 4: // insert a token
                    s = s.Insert(m.Position % (s.Length + 1), Tokens[m.Token]);
                    break;
                case 5: // replace a token
                    s = EditTokens(s, m, (parts, at) => parts[at] = Tokens[m.Token]);
                    break;
                case 6: // delete a token
                    s = EditTokens(s, m, (parts, at) => parts.RemoveAt(at));
                    break;
                default: // duplicate or swap tokens
                    s = EditTokens(s, m, (parts, at) =>
                    {
                        if (m.Token % 2 == 0)
                        {
                            parts.Insert(at, parts[at]);
                        }
                        else
                        {
                            var other = (at + 1 + m.Token) % parts.Count;
                            (parts[at], parts[other]) = (parts[other], parts[at]);
                        }
                    });
                    break;
            }
        }

        return s;
    }

    private static readonly char[] TokenSeparators = ['.', ' ', '_', '-'];

    /// <summary>Splits on the usual separators (keeping the first separator seen to rejoin), edits one token, rejoins.</summary>
    private static string EditTokens(string s, Mutation m, Action<List<string>, int> edit)
    {
        var separatorIndex = s.IndexOfAny(TokenSeparators);
        var separator = separatorIndex >= 0 ? s[separatorIndex] : ' ';
        var parts = s.Split(separator).ToList();
        if (parts.Count == 0)
        {
            return s;
        }

        edit(parts, m.Position % parts.Count);
        return string.Join(separator, parts);
    }
}
