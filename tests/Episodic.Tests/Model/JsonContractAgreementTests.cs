using System.Text.Json;
using Episodic.Cli;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm.Caching;
using Episodic.Tests.Caching;
using Episodic.Tests.Server;
using Microsoft.Data.Sqlite;
using Xunit;

namespace Episodic.Tests.Model;

/// <summary>
/// One episode record, one JSON contract: the CLI's jsonl, the SQLite cache entry and the server's responses are the
/// same bytes for the same record.
/// </summary>
public sealed class JsonContractAgreementTests
{
    private const string Name = "[SubsPlease] 進撃の巨人 Café - S04E28-E29v2 (1080p) [ABCD1234].mkv";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Cli_cache_and_server_write_the_same_json_for_the_same_record()
    {
        var record = RuleParser.Default.Parse(Name);
        var expected = EpisodeParseJson.ToJson(record);

        var cli = await CliJsonl(Name);
        var cached = CacheEntry(record);
        var (parsed, planned) = await ServerJson(Name);

        Assert.Equal(expected, cli);
        Assert.Equal(expected, cached);
        Assert.Equal(expected, parsed);
        Assert.Equal(expected, planned);
        Assert.Contains("進撃の巨人 Café", expected, StringComparison.Ordinal); // readable, not \u-escaped
    }

    [Fact]
    public void A_model_answer_reads_back_from_the_cache_to_the_same_bytes()
    {
        var record = Parses.Full("Show.2019.S01E02.mkv") with { Source = AnswerSource.Parse("llm:ollama:qwen2.5:7b"), Confidence = 0.87654 };
        using var dir = new TempCacheDir();
        using var cache = new SqliteParseCache(dir.Path);
        var key = new CacheKey("ollama", "qwen2.5:7b", "v1", record.Input);

        cache.Store(key, record);

        Assert.True(cache.TryGet(key, out var back));
        Assert.Equal(record.Source, back.Source);
        Assert.Equal(0.877, back.Confidence);
        Assert.Equal(EpisodeParseJson.ToJson(record), EpisodeParseJson.ToJson(back));
        using var doc = JsonDocument.Parse(EpisodeParseJson.ToJson(back));
        Assert.Equal("llm:ollama:qwen2.5:7b", doc.RootElement.GetProperty("source").GetString());
        Assert.Equal(0.877, doc.RootElement.GetProperty("confidence").GetDouble());
    }

    [Theory]
    [InlineData("{\"input\":\"x\",\"source\":\"cache\"}")]
    [InlineData("{\"input\":\"x\",\"source\":3}")]
    [InlineData("{\"input\":null}")]
    [InlineData("{\"input\":\"x\",\"episodes\":\"1\"}")]
    public void A_record_that_breaks_the_contract_is_rejected(string json) =>
        Assert.ThrowsAny<JsonException>(() => EpisodeParseJson.FromJson(json));

    private static async Task<string> CliJsonl(string name)
    {
        using var input = new StringReader(name + "\n");
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exit = await CliApp.RunSizedAsync(["parse", "-", "--format", "jsonl"], input, output, error, null, cancellationToken: Ct);
        Assert.Equal(0, exit);
        return Assert.Single(output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    private static string CacheEntry(EpisodeParse record)
    {
        using var dir = new TempCacheDir();
        using (var cache = new SqliteParseCache(dir.Path))
        {
            cache.Store(new CacheKey("openai", "gpt-4o-mini", "v1", record.Input), record);
        }

        using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dir.DbPath, Pooling = false }.ToString());
        connection.Open();
        using var cmd = connection.CreateCommand();
        cmd.CommandText = "SELECT result_json FROM parse_cache";
        return (string)cmd.ExecuteScalar()!;
    }

    private static async Task<(string Parse, string PlanItem)> ServerJson(string name)
    {
        await using var server = await RunningServer.StartAsync();
        using var parse = await server.PostJsonAsync("/parse", JsonSerializer.Serialize(new { name }));
        var parsed = await parse.Content.ReadAsStringAsync(Ct);
        using var plan = await server.PostJsonAsync("/route/plan", JsonSerializer.Serialize(new { names = new[] { name }, library = "/library" }));
        using var doc = JsonDocument.Parse(await plan.Content.ReadAsStringAsync(Ct));
        return (parsed, doc.RootElement.GetProperty("items")[0].GetProperty("parse").GetRawText());
    }
}
