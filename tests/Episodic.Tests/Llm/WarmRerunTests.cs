using Episodic.Tests.Caching;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>
/// Nothing asked twice: <c>parse --llm</c> run again over the same names with the same SQLite cache file makes no
/// provider request, even for names whose answers were rejected; <c>--no-cache</c> and <c>cache clear</c> still ask.
/// </summary>
public sealed class WarmRerunTests : IDisposable
{
    private readonly TempCacheDir _cache = new();

    public void Dispose() => _cache.Dispose();

    [Fact]
    public async Task A_warm_rerun_makes_no_request_even_for_rejected_answers()
    {
        using var server = new FakeOpenAiServer();
        var responder = new NameResponder(new Dictionary<string, string>
        {
            ["Show.Name.S01E02.720p.mkv"] = NameResponder.Answer("Show Name", 1, [2]),
            ["Other.Show.S02E05.1080p.mkv"] = NameResponder.Answer("Other Show", 2, [5]),
            ["Fancy.Show.1071.mkv"] = NameResponder.Answer("Fancy Show", null, [1071], [1071]),
            // Two answers the validator rejects: numbers the names do not hold.
            ["Plain.Title.S01E07.mkv"] = NameResponder.Answer("Plain Title", 1, [99]),
            ["Last.One.S03E04.mkv"] = NameResponder.Answer("Last One", 3, [44]),
        });
        server.Responder = responder.Reply;
        var names = string.Join('\n', "Show.Name.S01E02.720p.mkv", "Other.Show.S02E05.1080p.mkv", "Fancy.Show.1071.mkv", "Plain.Title.S01E07.mkv", "Last.One.S03E04.mkv") + "\n";
        string[] parse = ["parse", "-", "--strategy", "llm-only", "--cache-dir", _cache.Path, "-f", "jsonl"];

        var (coldExit, cold, _) = await Run(parse, server, names);
        var coldRequests = server.ChatRequests.Count;
        var (warmExit, warm, _) = await Run(parse, server, names);

        Assert.Equal(0, coldExit);
        Assert.Equal(0, warmExit);
        // Cold: one batch, then each rejected name alone twice (the re-ask with the errors fed back).
        Assert.Equal(5, coldRequests);
        Assert.Equal(coldRequests, server.ChatRequests.Count);
        Assert.Equal(Sources(cold), Sources(warm));
        Assert.Equal(["llm:openai:gpt-4o-mini", "llm:openai:gpt-4o-mini", "llm:openai:gpt-4o-mini", "rules", "rules"], Sources(warm));

        var (_, stats, _) = await Run(["cache", "stats", "--llm", "--cache-dir", _cache.Path], server, "");
        Assert.Contains("entries:  3 answers", stats, StringComparison.Ordinal);
        Assert.Contains("rejected: 2 remembered rejections", stats, StringComparison.Ordinal);

        // --no-cache asks again; so does a run after cache clear.
        await Run([.. parse, "--no-cache"], server, names);
        Assert.Equal(2 * coldRequests, server.ChatRequests.Count);
        var (clearExit, _, _) = await Run(["cache", "clear", "--llm", "--cache-dir", _cache.Path], server, "");
        Assert.Equal(0, clearExit);
        await Run(parse, server, names);
        Assert.Equal(3 * coldRequests, server.ChatRequests.Count);
    }

    [Fact]
    public async Task A_rate_limited_name_is_not_remembered()
    {
        using var server = new FakeOpenAiServer();
        server.Enqueue(FakeReply.Error(429, "slow down", retryAfter: "0"));
        server.DefaultReply = FakeReply.Text(NameResponder.Answer("Show Name", 1, [2]));
        string[] parse = ["parse", "-", "--strategy", "llm-only", "--cache-dir", _cache.Path, "-f", "jsonl"];

        var (_, first, _) = await Run(parse, server, "Show.Name.S01E02.720p.mkv\n");
        var (_, second, _) = await Run(parse, server, "Show.Name.S01E02.720p.mkv\n");

        Assert.Equal(["rules"], Sources(first));
        Assert.Equal(["llm:openai:gpt-4o-mini"], Sources(second));
        Assert.Equal(2, server.ChatRequests.Count);
    }

    private static List<string> Sources(string jsonl) =>
        [.. jsonl.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => System.Text.Json.JsonDocument.Parse(l).RootElement.GetProperty("source").GetString()!)];

    private static Task<(int Exit, string Out, string Err)> Run(string[] args, FakeOpenAiServer server, string stdin) =>
        InProcessCli.RunAsync(args, InProcessCli.OpenAi(server), stdin);
}
