using Episodic.Routing.Companions;
using Xunit;

namespace Episodic.Tests.Routing;

/// <summary>The suffix a companion takes after its video's new stem: language and flags kept or derived, a scene .nfo kept as .nfo-orig.</summary>
public sealed class CompanionNameTests
{
    [Theory]
    [InlineData("2_English.srt", null, ".en.srt")]
    [InlineData("English.srt", null, ".en.srt")]
    [InlineData("3_English (SDH).srt", null, ".en.sdh.srt")]
    [InlineData("Show.S01E01.en.forced.srt", null, ".en.forced.srt")]
    [InlineData("Show.S01E01.eng.srt", null, ".en.srt")]
    [InlineData("Show.S01E01.en.hi.srt", null, ".en.sdh.srt")]
    [InlineData("Show.S01E01.hi.srt", null, ".hi.srt")]
    [InlineData("Show.S01E01.srt", null, ".srt")]
    [InlineData("Show.S01E01.en.forced.srt", "Show.S01E01", ".en.forced.srt")]
    [InlineData("Show.S01E01.French.srt", "Show.S01E01", ".fr.srt")]
    [InlineData("Show.S01E01.en.sdh.srt", "Show.S01E01", ".en.sdh.srt")]
    [InlineData("Show.S01E01.director commentary.srt", "Show.S01E01", ".director commentary.srt")]
    [InlineData("Show.S01E01.idx", "Show.S01E01", ".idx")]
    [InlineData("Show.S01E01-GRP.nfo", null, ".nfo-orig")]
    [InlineData("Show.S01E01.nfo", "Show.S01E01", ".nfo-orig")]
    public void Suffix_keeps_or_derives_language_and_flags(string fileName, string? stem, string expected) =>
        Assert.Equal(expected, CompanionName.Suffix(fileName, stem));

    [Fact]
    public void Every_row_of_the_language_table_derives_its_code()
    {
        Assert.True(SubtitleLanguages.Rows.Count >= 40);
        Assert.Equal(SubtitleLanguages.Rows.Count, SubtitleLanguages.Rows.Select(r => r.Code).Distinct(StringComparer.Ordinal).Count());
        foreach (var row in SubtitleLanguages.Rows)
        {
            Assert.Equal(2, row.Code.Length);
            Assert.NotEmpty(row.Names);
            Assert.Equal($".{row.Code}.srt", CompanionName.Suffix($"Show.S01E01.{row.Code}.srt", null));
            foreach (var name in row.Names)
            {
                Assert.Equal($".{row.Code}.srt", CompanionName.Suffix($"2_{name}.srt", null));
                var title = char.ToUpperInvariant(name[0]) + name[1..];
                Assert.Equal($".{row.Code}.forced.srt", CompanionName.Suffix($"{title}.forced.srt", null));
            }
        }
    }

    [Fact]
    public void No_name_belongs_to_two_languages()
    {
        var names = SubtitleLanguages.Rows.SelectMany(r => r.Names.Append(r.Code)).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count());
    }

    [Theory]
    [InlineData("Show.S01E02.en.srt", "1:2")]
    [InlineData("show.s01.e02.srt", "1:2")]
    [InlineData("Show.1x02.srt", "1:2")]
    [InlineData("Show.S01E012.srt", "1:12")]
    [InlineData("2_English.srt", null)]
    [InlineData("Show.1080p.srt", null)]
    public void Episode_key_reads_the_episode_a_name_carries(string name, string? key) =>
        Assert.Equal(key, CompanionMatcher.EpisodeKey(name));
}
