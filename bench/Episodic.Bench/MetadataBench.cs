using System.Diagnostics;
using System.Globalization;
using Episodic.Core.Metadata;
using Episodic.Core.Parsing;
using Episodic.Metadata;
using Episodic.Metadata.Configuration;
using Episodic.Tests.Fakes;

namespace Episodic.Bench;

/// <summary>
/// <c>--metadata</c>: identifies 1,000 files of 50 shows (a fifth of them anime named by a romaji alternative title
/// and numbered absolutely) against the fake TMDB and TVmaze servers, and counts provider requests: cold against the
/// budget shows × 2 + seasons, then a warm re-run from the SQLite cache (which should send none).
/// </summary>
public static class MetadataBench
{
    private static readonly string[] Adjectives = ["Silent", "Crimson", "Hidden", "Broken", "Golden", "Northern", "Electric", "Velvet", "Hollow", "Distant"];
    private static readonly string[] Nouns = ["Harbor", "Orchard", "Signal", "Frontier", "Lantern"];

    public static async Task RunAsync(TextWriter output, int showCount = 50, int filesPerShow = 20)
    {
        var shows = Catalogue(showCount);
        var files = Files(shows, filesPerShow);
        var seasons = shows.Sum(s => s.Episodes.Where(e => e.Season > 0).Select(e => e.Season).Distinct().Count());
        var budget = (shows.Count * 2) + seasons;
        output.WriteLine($"{files.Count:N0} files of {shows.Count} shows ({seasons} regular seasons); budget shows x 2 + seasons = {budget} requests");
        foreach (var provider in new[] { MetadataProvider.Tmdb, MetadataProvider.Tvmaze })
        {
            using FakeMetadataServer server = provider == MetadataProvider.Tmdb ? new FakeTmdbServer(shows) : new FakeTvmazeServer(shows);
            var dir = Directory.CreateTempSubdirectory("episodic-metabench-");
            try
            {
                var settings = new MetadataSettings
                {
                    TmdbApiKey = "0123456789abcdef0123456789abcdef",
                    TmdbBaseUrl = provider == MetadataProvider.Tmdb ? server.BaseUrl : MetadataDefaults.TmdbBaseUrl,
                    TvmazeBaseUrl = provider == MetadataProvider.Tvmaze ? server.BaseUrl : MetadataDefaults.TvmazeBaseUrl,
                    TmdbRequestsPerSecond = 1000,
                    TvmazeRequestsPerSecond = 1000,
                    CachePath = Path.Combine(dir.FullName, "metadata-cache.db"),
                };
                var (cold, coldIdentified, coldTime) = await IdentifyAll(settings, provider, files);
                var (warm, warmIdentified, warmTime) = await IdentifyAll(settings, provider, files);
                output.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{ShowId.NameOf(provider),-6}: cold {cold} requests ({(double)cold / budget:0.00} of budget), {coldIdentified}/{files.Count} identified, {coldTime.TotalSeconds:0.00} s; warm {warm} requests, {warmIdentified}/{files.Count} identified, {warmTime.TotalSeconds:0.00} s"));
            }
            finally
            {
                dir.Delete(recursive: true);
            }
        }
    }

    private static async Task<(int Requests, int Identified, TimeSpan Elapsed)> IdentifyAll(MetadataSettings settings, MetadataProvider provider, IReadOnlyList<string> files)
    {
        using var host = MetadataHost.Create(settings, provider);
        var watch = Stopwatch.StartNew();
        var identified = 0;
        foreach (var file in files)
        {
            var result = await host.Identifier.IdentifyAsync(RuleParser.Default.Parse(file));
            identified += result.IsIdentified ? 1 : 0;
        }

        return (host.NetworkRequests, identified, watch.Elapsed);
    }

    private static List<FakeShow> Catalogue(int count)
    {
        var shows = new List<FakeShow>();
        for (var i = 0; i < count; i++)
        {
            var name = $"{Adjectives[i % Adjectives.Length]} {Nouns[i / Adjectives.Length % Nouns.Length]}";
            var anime = i % 5 == 0;
            var show = new FakeShow(1000 + i, 5000 + i, name, 1995 + (i % 28), anime ? "JP" : "US")
            {
                AlternativeTitles = anime ? [$"Kage no {Nouns[i / Adjectives.Length % Nouns.Length]} {Adjectives[i % Adjectives.Length]}"] : [],
                Running = i % 3 == 0,
            };
            shows.Add(show.WithSeasons(1 + (i % 4), 10, specials: i % 2));
        }

        return shows;
    }

    private static List<string> Files(IReadOnlyList<FakeShow> shows, int perShow)
    {
        var files = new List<string>();
        foreach (var show in shows)
        {
            var regular = show.Episodes.Where(e => e.Season > 0).OrderBy(e => e.Season).ThenBy(e => e.Number).ToList();
            for (var k = 0; k < perShow; k++)
            {
                var e = regular[k * 7 % regular.Count];
                files.Add(show.AlternativeTitles.Count > 0
                    ? $"[Group] {show.AlternativeTitles[0]} - {(regular.IndexOf(e) + 1).ToString("00", CultureInfo.InvariantCulture)} (1080p) [ABCD{k:0000}].mkv"
                    : $"{show.Name.Replace(' ', '.')}.S{e.Season:00}E{e.Number:00}.720p.WEB.x264-GRP.mkv");
            }
        }

        return files;
    }
}
