using Episodic.Core.Naming;
using Episodic.Core.Parsing;
using Xunit;

namespace Episodic.Tests;

/// <summary>The rule-based shortener fits the limit and never drops the episode identity or the extension.</summary>
public sealed class ShortenTests
{
    public static TheoryData<string> Names =>
    [
        "The.Extraordinarily.Long.Title.of.a.Show.S01E02.An.Episode.Title.1080p.WEB-DL.DDP5.1.H.264-GROUP.mkv",
        "[SubsPlease] Kusuriya no Hitorigoto Season Two Extended Title - 18 (1080p) [9226CA61].mkv",
        "[Erai-raws] Shingeki no Kyojin - The Final Season - Part Three - 150v2 [1080p][Multiple Subtitle].mkv",
        "The.Daily.Show.With.A.Very.Long.Host.Name.2024.01.15.Guest.Name.720p.WEB.h264-GRP.mkv",
        "Some.Very.Long.Documentary.Series.Name.Episode.12.The.Title.Of.The.Episode.1080p.mp4",
        "Another Long Show Name With Many Words 3x07 Something Something 720p HDTV.avi",
        "Show.Name.S03E05-E06.Double.Episode.Extended.Cut.2160p.UHD.BluRay.REMUX.HDR.HEVC.Atmos-GROUP.mkv",
        "[桜都字幕组] 进击的巨人 最终季 完结篇 后篇 第12话 [1080P][简繁内封].mp4",
    ];

    [Theory]
    [MemberData(nameof(Names))]
    public void Shortened_files_fit_keep_the_extension_and_read_back_to_the_same_episode(string name)
    {
        foreach (var max in new[] { 24, 32, 40, 60 })
        {
            var shortened = NameShortener.Shorten(name, max, ShortNameKind.File);

            Assert.True(shortened.Length <= max, $"{shortened} is {shortened.Length} > {max}");
            Assert.EndsWith(Path.GetExtension(name), shortened, StringComparison.Ordinal);
            Assert.True(NameShortener.IsLegal(shortened), shortened);
            Assert.True(NameShortener.KeepsEpisode(name, shortened, RuleParser.Default), $"'{shortened}' (max {max}) lost the episode of '{name}'");
        }
    }

    [Fact]
    public void A_fansub_name_keeps_its_number_and_loses_the_tags_first()
    {
        var shortened = NameShortener.Shorten("[SubsPlease] Dandadan - 18 (1080p) [9226CA61].mkv", 30, ShortNameKind.File);

        Assert.Equal("Dandadan - 18.mkv", shortened);
    }

    [Fact]
    public void KeepsEpisode_notices_a_dropped_number()
    {
        Assert.False(NameShortener.KeepsEpisode("[Grp] Show - 18 [1080p].mkv", "Show.mkv", RuleParser.Default));
        Assert.False(NameShortener.KeepsEpisode("Show.S02E03.mkv", "Show - S02E04.mkv", RuleParser.Default));
        Assert.True(NameShortener.KeepsEpisode("Show.S02E03.720p.mkv", "Show - S02E03.mkv", RuleParser.Default));
    }
}
