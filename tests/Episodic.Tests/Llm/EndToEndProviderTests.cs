using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>
/// The service over each provider's real wire protocol (fake servers on 127.0.0.1): the filename travels unmodified,
/// the schema is sent, good answers come back as llm results, and hallucinations end in the rule parser's reading.
/// </summary>
public sealed class EndToEndProviderTests
{
    private const string Name = "[Erai-raws] Kusuriya no Hitorigoto - 43 [1080p][AC6F3253].mkv";
    private const string ApiKey = "sk-test-e2e-0123456789abcdef";

    private static string Answer(string show, int episode) => ModelAnswers.Json(ModelAnswers.Absolute(show, episode, crc: "AC6F3253", group: "Erai-raws", confidence: 0.91));

    public static TheoryData<string> Backends => ["openai", "anthropic", "ollama"];

    private static (FakeProviderServer Server, BackendOptions Options) Start(string backend) => backend switch
    {
        "openai" => Make(new FakeOpenAiServer(), BackendKind.OpenAI, s => ((FakeOpenAiServer)s).BaseUri),
        "anthropic" => Make(new FakeAnthropicServer(), BackendKind.Anthropic, s => s.RootUri),
        _ => Make(new FakeOllamaServer(), BackendKind.Ollama, s => s.RootUri),
    };

    private static (FakeProviderServer, BackendOptions) Make(FakeProviderServer server, BackendKind kind, Func<FakeProviderServer, Uri> uri) =>
        (server, new BackendOptions { Kind = kind, Model = "test-model", BaseUri = uri(server), ApiKey = kind == BackendKind.Ollama ? null : ApiKey, Timeout = TimeSpan.FromSeconds(10) });

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_grounded_answer_travels_the_real_protocol(string backend)
    {
        var (server, options) = Start(backend);
        using var _ = server;
        server.Enqueue(FakeReply.Text(Answer("Kusuriya no Hitorigoto", 43), 220, 60));
        using var chat = ChatClientFactory.Create(options);

        var p = await new LlmService(chat, options.Source, RuleParser.Default).ParseFilenameAsync(Name, 300, TestContext.Current.CancellationToken);

        Assert.Equal($"llm:{backend}:test-model", p.Source.ToString());
        Assert.Equal("Kusuriya no Hitorigoto", p.ShowName);
        Assert.Equal([43], p.Episodes);
        var body = Assert.Single(server.ChatRequests).Body;
        Assert.Contains("[Erai-raws] Kusuriya no Hitorigoto - 43 [1080p][AC6F3253].mkv", body, StringComparison.Ordinal);
        Assert.Contains("show_name", body, StringComparison.Ordinal);
        Assert.DoesNotContain(ApiKey, body, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task Hallucinated_shows_and_numbers_end_in_the_rules_reading(string backend)
    {
        var (server, options) = Start(backend);
        using var _ = server;
        server.Enqueue(FakeReply.Text(Answer("The Apothecary Diaries", 43)), FakeReply.Text(Answer("Kusuriya no Hitorigoto", 44)));
        using var chat = ChatClientFactory.Create(options);

        var p = await new LlmService(chat, options.Source, RuleParser.Default).ParseFilenameAsync(Name, 300, TestContext.Current.CancellationToken);

        Assert.Equal(AnswerSource.Rules, p.Source);
        Assert.Equal([43], p.Episodes);
        Assert.Equal(2, server.ChatRequests.Count);
        Assert.Contains("episode 44 does not appear", p.Reasoning, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public async Task A_rate_limit_reaches_the_caller_with_its_retry_after(string backend)
    {
        var (server, options) = Start(backend);
        using var _ = server;
        server.Enqueue(FakeReply.Error(429, "slow down", "3"));
        using var chat = ChatClientFactory.Create(options);

        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => new LlmService(chat, options.Source, RuleParser.Default).ParseFilenameAsync(Name, 300, TestContext.Current.CancellationToken));

        Assert.Equal(429, ex.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(3), ex.RetryAfter);
        Assert.Single(server.ChatRequests);
    }
}
