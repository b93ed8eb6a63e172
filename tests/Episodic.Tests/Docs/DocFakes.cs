using Episodic.Tests.Fakes;
using Episodic.Tests.Metadata;

namespace Episodic.Tests.Docs;

/// <summary>
/// The in-process fakes a doc example names in <c>fakes="tvmaze,tmdb"</c>, and the variables that point the CLI at
/// them (as a user's would point at the real services), so metadata examples run offline and answer the same every
/// time. They know <see cref="MetadataFixture.Shows"/> (Doctor Who, The Office, The Apothecary Diaries, ...).
/// </summary>
internal sealed class DocFakes : IDisposable
{
    private readonly List<IDisposable> _servers = [];

    public DocFakes(string names, string sandbox)
    {
        foreach (var name in names.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            switch (name)
            {
                case "tvmaze":
                    var tvmaze = new FakeTvmazeServer(MetadataFixture.Shows());
                    _servers.Add(tvmaze);
                    Environment["EPISODIC_TVMAZE__BASE_URL"] = tvmaze.BaseUrl.AbsoluteUri;
                    Environment["EPISODIC_TVMAZE__REQUESTS_PER_SECOND"] = "500";
                    break;
                case "tmdb":
                    var tmdb = new FakeTmdbServer(MetadataFixture.Shows());
                    _servers.Add(tmdb);
                    Environment["EPISODIC_TMDB__BASE_URL"] = tmdb.BaseUrl.AbsoluteUri;
                    Environment["EPISODIC_TMDB__REQUESTS_PER_SECOND"] = "500";
                    Environment["TMDB_API_KEY"] = MetadataFixture.TmdbKey;
                    break;
                default:
                    throw new ArgumentException($"no fake named '{name}' (known: tvmaze, tmdb)", nameof(names));
            }

            Environment["EPISODIC_METADATA__CACHE_PATH"] = Path.Combine(sandbox, ".cache", "metadata-cache.db");
        }
    }

    public Dictionary<string, string> Environment { get; } = new(StringComparer.Ordinal);

    public void Dispose()
    {
        foreach (var server in _servers)
        {
            server.Dispose();
        }
    }
}
