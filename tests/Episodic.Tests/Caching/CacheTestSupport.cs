using Episodic.Core.Model;
using Microsoft.Data.Sqlite;

namespace Episodic.Tests.Caching;

/// <summary>A temporary cache folder, deleted on dispose (after SQLite lets go of its files).</summary>
internal sealed class TempCacheDir : IDisposable
{
    private readonly DirectoryInfo _dir = Directory.CreateTempSubdirectory("episodic-cache-");

    public string Path => _dir.FullName;

    public string DbPath => System.IO.Path.Combine(Path, Episodic.Llm.Caching.CachePaths.FileName);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            _dir.Delete(recursive: true);
        }
        catch (IOException)
        {
            // Best effort: a leftover temp folder must not fail a test.
        }
    }
}

internal static class Parses
{
    /// <summary>An answer with every field set, including unicode and an air date.</summary>
    public static EpisodeParse Full(string input) => new()
    {
        Input = input,
        ShowName = "Shingeki no Kyojin — 進撃の巨人",
        Year = 2013,
        Season = 4,
        Episodes = [28, 29],
        AbsoluteEpisodes = [87, 88],
        AirDate = new DateOnly(2022, 3, 6),
        FullSeason = true,
        Special = true,
        Crc32 = "ABCD1234",
        ReleaseGroup = "SubsPlease",
        Version = 2,
        Confidence = 0.875,
        Source = AnswerSource.FromLabel("mock:canned"),
        Reasoning = "Explicit \"S04E28-E29\" with a CRC tag.",
    };

    /// <summary>An answer with every optional field empty.</summary>
    public static EpisodeParse Sparse(string input) => new() { Input = input, Source = AnswerSource.FromLabel("mock:canned") };

    public static string Json(EpisodeParse p) => EpisodeParseJson.ToJson(p);
}
