using System.Text.Json;
using Episodic.Core.Evaluation;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests;

/// <summary>Our C# <see cref="Scorer"/> must agree with the reference tools/score.py, row by row.</summary>
public sealed class ScorerAgreementTests
{
    public static TheoryData<string> Corpora => [.. TestPaths.DevCorpusNames()];

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Rule_parser_results_score_the_same_as_score_py(string corpus)
    {
        PythonScorer.SkipIfUnavailable();
        var path = TestPaths.DevCorpus(corpus);
        var rows = CorpusReader.Read(path);
        var results = rows.Select(r => RuleParser.Default.Parse(r.Filename)).ToList();
        var verdicts = Scorer.Score(rows, results);

        using var file = new TempFile();
        File.WriteAllLines(file.Path, results.Select(EpisodeParseJson.ToJson));
        using var doc = JsonDocument.Parse(PythonScorer.ScoreJson(path, file.Path));
        var py = doc.RootElement;

        Assert.Equal(py.GetProperty("rows").GetInt32(), verdicts.Count);
        Assert.Equal(py.GetProperty("exact").GetInt32(), verdicts.Count(v => v.IsExact));
        var pyMisses = py.GetProperty("field_misses").EnumerateObject()
            .ToDictionary(p => p.Name, p => p.Value.GetInt32());
        Assert.Equal(pyMisses.OrderBy(p => p.Key, StringComparer.Ordinal), Scorer.FieldMisses(verdicts).OrderBy(p => p.Key, StringComparer.Ordinal));

        // Escalated and confident-wrong at the default threshold (0.7) agree too.
        var report = Evaluator.Build(corpus, verdicts, rows.Count, TimeSpan.Zero, Escalation.DefaultThreshold);
        Assert.Equal(py.GetProperty("escalated").GetInt32(), report.Escalated);
        Assert.Equal(py.GetProperty("confident_wrong").GetInt32(), report.ConfidentWrong);
    }

    [Theory]
    [MemberData(nameof(Corpora))]
    public void Perturbed_label_results_get_the_same_per_row_verdicts_as_score_py(string corpus)
    {
        PythonScorer.SkipIfUnavailable();
        var path = TestPaths.DevCorpus(corpus);
        var rows = CorpusReader.Read(path);
        var results = new List<EpisodeParse>(rows.Count * SyntheticResults.VariantCount);
        for (var k = 0; k < SyntheticResults.VariantCount; k++)
        {
            results.AddRange(rows.Select(r => SyntheticResults.Variant(r, k)));
        }

        using var file = new TempFile();
        File.WriteAllLines(file.Path, results.Select(EpisodeParseJson.ToJson));
        using var doc = JsonDocument.Parse(PythonScorer.JudgeRows(path, file.Path));
        var py = doc.RootElement.EnumerateArray().ToList();
        Assert.Equal(results.Count, py.Count);

        var disagreements = new List<string>();
        var failuresSeen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < results.Count; i++)
        {
            var row = rows[i % rows.Count];
            var expected = py[i].ValueKind == JsonValueKind.Null ? null : string.Join(",", py[i].EnumerateArray().Select(e => e.GetString()));
            var ours = row.IsScored ? string.Join(",", RowJudge.Judge(row, results[i])) : null;
            failuresSeen.UnionWith(ours?.Split(',', StringSplitOptions.RemoveEmptyEntries) ?? []);
            if (expected != ours)
            {
                disagreements.Add($"{row.Id} variant {i / rows.Count}: score.py [{expected}] vs ours [{ours}]");
            }
        }

        Assert.True(disagreements.Count == 0, string.Join("\n", disagreements.Take(20)));
        if (rows.Any(r => r.Title.Length > 0))
        {
            // tmm asserts season and episodes only, so its title is never judged.
            Assert.Contains(RowJudge.Title, failuresSeen);
        }

        Assert.Contains(RowJudge.Episodes, failuresSeen);
    }

    [Fact]
    public void Title_normalization_matches_score_py()
    {
        PythonScorer.SkipIfUnavailable();
        string[] titles =
        [
            "Marvel's Agents of S.H.I.E.L.D.", "Law & Order: SVU", "The Office (US)", "Doctor Who 2005", "Shōgun",
            "Ｆｕｌｌ　Ｗｉｄｔｈ", "Café_au_lait", "Naruto 2002 US 2003", "Bonus", "x2019", "Show 19٤٥", "Ⅻ Kingdoms",
            "Re:Zero − Starting Life", "It’s Always Sunny", "`Quoted`", "  spaced   out  ", "ΣΟΦΟΣ", "İstanbul Nights",
            "Show!!", "Sword Art Online II", "The Newsroom (2012)", "Top Gear UK", "uk", "2012", "日本語タイトル 2",
            "Hindi हिन्दी", "Mr. Robot", "Sh\u0301ow", "1999 2000", "Castle (2009) (US)", "a__b--c", "",
        ];
        using var file = new TempFile();
        File.WriteAllText(file.Path, JsonSerializer.Serialize(titles));
        using var doc = JsonDocument.Parse(PythonScorer.NormTitles(file.Path));
        var expected = doc.RootElement.EnumerateArray().Select(e => e.GetString() ?? "").ToList();
        Assert.Equal(expected, titles.Select(TitleNormalizer.Normalize).ToList());
    }
}
