using Episodic.Core.Metadata;
using Episodic.Core.Parsing;
using Episodic.Metadata;
using Episodic.Metadata.Configuration;
using Episodic.Metadata.Identify;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Metadata;

/// <summary>The shows both fake providers know, and settings that point the metadata layer at a fake.</summary>
internal static class MetadataFixture
{
    public const string TmdbKey = "0123456789abcdef0123456789abcdef";

    public static FakeShow[] Shows() =>
    [
        new FakeShow(121, 766, "Doctor Who", 1963, "GB") { Popularity = 20 }.WithSeasons(2, 4),
        new FakeShow(57243, 210, "Doctor Who", 2005, "GB") { Popularity = 50 }.WithSeasons(3, 5, specials: 1),
        new FakeShow(2316, 526, "The Office", 2005, "US") { Popularity = 80 }.WithSeasons(2, 6),
        new FakeShow(2996, 1795, "The Office", 2001, "GB") { Popularity = 30 }.WithSeasons(2, 6),
        new FakeShow(220542, 62983, "The Apothecary Diaries", 2023, "JP")
        {
            OriginalName = "薬屋のひとりごと", AlternativeTitles = ["Kusuriya no Hitorigoto"], Running = true, Popularity = 60,
        }.WithSeasons(2, 24, specials: 1),
        new FakeShow(1429, 919, "Attack on Titan", 2013, "JP")
        {
            OriginalName = "進撃の巨人", AlternativeTitles = ["Shingeki no Kyojin"], Popularity = 90,
        }.WithSeasons(2, 12),
    ];

    /// <summary>A show whose names and titles are not ASCII, and a file of it with an emoji (outside the BMP) in its name.</summary>
    public static FakeShow NonAscii { get; } = new FakeShow(90210, 90211, "Pokémon Café", 2020, "JP") { Popularity = 40 }.WithSeasons(1, 3);

    public const string NonAsciiName = "Pokémon.Café.S01E02.🎬.1080p.mkv";

    public static MetadataSettings Settings(FakeMetadataServer server, string cachePath) => new()
    {
        TmdbApiKey = TmdbKey,
        TmdbBaseUrl = server is FakeTmdbServer ? server.BaseUrl : MetadataDefaults.TmdbBaseUrl,
        TvmazeBaseUrl = server is FakeTvmazeServer ? server.BaseUrl : MetadataDefaults.TvmazeBaseUrl,
        TmdbRequestsPerSecond = 500,
        TvmazeRequestsPerSecond = 500,
        MaxRetries = 4,
        AttemptTimeout = TimeSpan.FromSeconds(30),
        CachePath = cachePath,
    };

    public static MetadataProvider KindOf(FakeMetadataServer server) => server is FakeTmdbServer ? MetadataProvider.Tmdb : MetadataProvider.Tvmaze;

    public static MetadataHost Host(FakeMetadataServer server, string cachePath, IShowPicker? picker = null, RecordingLogger? log = null, Func<MetadataSettings, MetadataSettings>? tweak = null)
    {
        var settings = Settings(server, cachePath);
        return MetadataHost.Create(tweak is null ? settings : tweak(settings), KindOf(server), picker, log);
    }

    public static FakeMetadataServer Server(string provider) => provider == "tmdb" ? new FakeTmdbServer(Shows()) : new FakeTvmazeServer(Shows());

    public static Task<Identification> IdentifyAsync(this MetadataHost host, string filename) =>
        host.Identifier.IdentifyAsync(RuleParser.Default.Parse(filename), TestContext.Current.CancellationToken);
}

/// <summary>A cache file in a fresh temp folder, removed on dispose.</summary>
internal sealed class TempCache : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("episodic-meta-").FullName;

    public string Path => System.IO.Path.Combine(_dir, "metadata-cache.db");

    public void Dispose()
    {
        try
        {
            Directory.Delete(_dir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
