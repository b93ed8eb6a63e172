using Episodic.Core.Evaluation;
using Episodic.Core.Parsing.Rules;
using Episodic.Core.Parsing.Tokens;
using Xunit;

namespace Episodic.Tests.Parsing;

/// <summary>
/// <see cref="SeasonWordRule.CannotStartSeason"/> and <see cref="EpisodeWordRule.CannotStartEpisode"/> let their rule
/// skip a token without asking its clauses, so they must be exact: on every name of the dev corpora (and their upper-
/// and lower-case forms) and on made-up names of each season and episode form, a token a gate skips must fail every
/// clause of its rule, at the point of the pipeline where the season rule runs.
/// </summary>
public sealed partial class HotPathEquivalenceTests
{
    /// <summary>Made-up names of the forms the clauses read, and title words next to them that are not markers.</summary>
    private static readonly string[] GateNames =
    [
        "Copper Tide E.05.mkv", "Lantern Harbor Ep.12 Capital Gains.mkv", "Quiet Fields Cap 408 Partisan.mkv",
        "Red Kettle Part 2 Epic.mkv", "Night Orchard Pt.VI.mkv", "Grey Mill Folge 7.mkv", "Salt Road Episode VIII.mkv",
        "Copper Tide Second Season 05.mkv", "Lantern Harbor 3rd Season - 12.mkv", "Quiet Fields Saison 2 Episode 4.mkv",
        "Red Kettle 1st - 3rd Season Complete", "Night Orchard Seasons (1-4)", "Grey Mill 第二季 05.mkv",
        "Paper Moon 2 (TV) - 07.mkv", "Seasoned Chef Season Finale 2x05.mkv", "Tenth Avenue Seasonal 04.mkv",
        "Salt Road Temporada 4 Capitulo 2", "Blue Ferry 10 th season 03", "Winter Mile 2. Staffel 6",
    ];

    [Fact]
    public void The_word_gates_skip_only_tokens_no_clause_can_start_at()
    {
        var names = new List<string>(GateNames);
        foreach (var file in Directory.GetFiles(TestPaths.DevCorpusDir, "*.tsv"))
        {
            foreach (var row in CorpusReader.Read(file))
            {
                names.AddRange([row.Filename, row.Filename.ToUpperInvariant(), row.Filename.ToLowerInvariant()]);
            }
        }

        var gated = 0;
        var episodeGated = 0;
        foreach (var name in names)
        {
            // The rules that run before SeasonWordRule (NameReader's order), so free and consumed tokens are as the rule sees them.
            var scan = new Scan(name, Tokenizer.Tokenize(name));
            GluedMarkerRule.Apply(scan);
            NoiseRule.Apply(scan);
            GroupRule.Apply(scan);
            DateRule.Apply(scan, new DateOnly(2026, 12, 7));
            SeasonEpisodeRule.Apply(scan);
            for (var i = 0; i < scan.Count; i++)
            {
                if (EpisodeWordRule.CannotStartEpisode(scan.Tokens[i]))
                {
                    episodeGated++;
                    Assert.True(EpisodeWordRule.TryClauses(scan, i) is null, $"{name}: episode marker at '{scan.Tokens[i].Text}'");
                }

                if (!SeasonWordRule.CannotStartSeason(scan.Tokens[i]))
                {
                    continue;
                }

                gated++;
                Assert.False(SeasonWordRule.TryBracketedSeasons(scan, i, out _, out _), $"{name}: bracketed seasons at '{scan.Tokens[i].Text}'");
                Assert.False(SeasonWordRule.TryOrdinalSeasonRange(scan, i, out _, out _), $"{name}: ordinal season range at '{scan.Tokens[i].Text}'");
                Assert.False(SeasonWordRule.TrySeason(scan, i, out _, out _), $"{name}: season at '{scan.Tokens[i].Text}'");
            }
        }

        Assert.True(gated > names.Count, $"the gate skipped only {gated} tokens in {names.Count} names"); // it does skip the title words
        Assert.True(episodeGated > names.Count, $"the episode gate skipped only {episodeGated} tokens in {names.Count} names");
    }

    /// <summary>Which gate a case asks.</summary>
    public enum Gate
    {
        Season,
        Episode,
    }

    /// <summary>
    /// Per gate: words of each marker form it must let through, and title words it must skip — the nearest false
    /// positives start like a marker word ("Seasoned", "Capital", "Partisan", "Epic").
    /// </summary>
    public static TheoryData<Gate, string, bool> GateCases()
    {
        var data = new TheoryData<Gate, string, bool>();
        (Gate Gate, string Through, string Skipped)[] rows =
        [
            (Gate.Season, "Second tenth Season Saison 3rd 第二季 S2 2", "Seasoned Seasonal Harbor"),
            (Gate.Episode, "Episode Ep E Cap Part pt Folge 第05话 E05 12", "Capital Partisan Epic Harbor"),
        ];
        foreach (var (gate, through, skipped) in rows)
        {
            foreach (var word in through.Split(' '))
            {
                data.Add(gate, word, false);
            }

            foreach (var word in skipped.Split(' '))
            {
                data.Add(gate, word, true);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(GateCases))]
    public void Each_gate_lets_its_marker_words_through_and_skips_title_words(Gate gate, string text, bool skipped)
    {
        var token = Tokenizer.Tokenize($"Show {text} 05")[1];
        Assert.Equal(text, token.Text);
        Assert.Equal(skipped, gate == Gate.Season ? SeasonWordRule.CannotStartSeason(token) : EpisodeWordRule.CannotStartEpisode(token));
    }
}
