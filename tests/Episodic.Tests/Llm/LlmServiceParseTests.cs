using System.Text.Json;
using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Providers;
using Episodic.Tests.Fakes;
using Microsoft.Extensions.AI;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>The LLM service's parse path: prompts, structured output, validation, grounding, retry and fallback.</summary>
public sealed class LlmServiceParseTests
{
    private const string Dandadan = "[SubsPlease] Dandadan - 18 (1080p) [9226CA61].mkv";

    private static LlmService Service(ScriptedChatClient chat) => new(chat, AnswerSource.FromLabel("fake:model"), RuleParser.Default);

    private static string Answer(string show, int? season, int[] episodes, string? crc = null, double confidence = 0.9, int[]? absolute = null) =>
        JsonSerializer.Serialize(new
        {
            show_name = show,
            year = (int?)null,
            season,
            episodes,
            absolute_episodes = absolute ?? [],
            air_date = (string?)null,
            full_season = false,
            special = false,
            crc32 = crc,
            release_group = "SubsPlease",
            version = (int?)null,
            is_episode = true,
            confidence,
            reasoning = "Fansub dash number.",
        });

    [Fact]
    public async Task A_grounded_answer_is_returned_with_the_llm_source()
    {
        var chat = new ScriptedChatClient(Answer("Dandadan", null, [18], "9226ca61"));
        var p = await Service(chat).ParseFilenameAsync(Dandadan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("llm:fake:model", p.Source.ToString());
        Assert.Equal("Dandadan", p.ShowName);
        Assert.Null(p.Season);
        Assert.Equal([18], p.Episodes);
        Assert.Equal("9226CA61", p.Crc32);
        Assert.Equal(0.9, p.Confidence);
        Assert.Single(chat.Calls);
    }

    [Fact]
    public async Task The_request_splits_system_and_user_sends_the_raw_name_and_asks_for_the_schema()
    {
        var chat = new ScriptedChatClient(Answer("Dandadan", null, [18]));
        await Service(chat).ParseFilenameAsync(Dandadan, maxTokens: 150, cancellationToken: TestContext.Current.CancellationToken);

        var call = Assert.Single(chat.Calls);
        Assert.Equal([ChatRole.System, ChatRole.User], call.Messages.Select(m => m.Role));
        Assert.DoesNotContain(Dandadan, call.SystemText, StringComparison.Ordinal);
        Assert.Contains(JsonSerializer.Serialize(Dandadan), call.UserText, StringComparison.Ordinal);
        Assert.Equal(150, call.Options!.MaxOutputTokens);
        var format = Assert.IsType<ChatResponseFormatJson>(call.Options.ResponseFormat);
        Assert.True(format.Schema!.Value.GetProperty("properties").TryGetProperty("show_name", out _));
    }

    [Theory]
    [InlineData("```json\n{0}\n```")]
    [InlineData("<think>The number after the dash is the episode.</think>\n{0}")]
    [InlineData("Here is the JSON you asked for: {0} Hope it helps.")]
    public async Task Fenced_thinking_and_chatty_replies_are_read(string wrapper)
    {
        var chat = new ScriptedChatClient(wrapper.Replace("{0}", Answer("Dandadan", null, [18]), StringComparison.Ordinal));
        var p = await Service(chat).ParseFilenameAsync(Dandadan, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("llm:fake:model", p.Source.ToString());
        Assert.Equal([18], p.Episodes);
    }

    [Fact]
    public async Task A_hallucinated_show_is_retried_with_the_error_fed_back()
    {
        var chat = new ScriptedChatClient(Answer("Chainsaw Man", null, [18]), Answer("Dandadan", null, [18]));
        var p = await Service(chat).ParseFilenameAsync(Dandadan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Dandadan", p.ShowName);
        Assert.Equal(2, chat.Calls.Count);
        Assert.Contains("Chainsaw Man", chat.Calls[1].UserText, StringComparison.Ordinal);
        Assert.Contains("rejected", chat.Calls[1].UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_guessed_season_one_is_not_trusted_and_the_rules_answer_stands()
    {
        var chat = new ScriptedChatClient(Answer("Dandadan", 1, [18]), Answer("Dandadan", 1, [18]));
        var p = await Service(chat).ParseFilenameAsync(Dandadan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AnswerSource.Rules, p.Source);
        Assert.Null(p.Season);
        Assert.Equal([18], p.Episodes);
        Assert.Contains("season 1 does not appear", p.Reasoning, StringComparison.Ordinal);
        Assert.Equal(2, chat.Calls.Count);
    }

    [Theory]
    [InlineData(19, null, "episode 19 does not appear")]
    [InlineData(18, "DEADBEEF", "crc32 DEADBEEF does not appear")]
    public async Task Numbers_and_crc_must_be_written_in_the_name(int episode, string? crc, string expectedError)
    {
        var chat = new ScriptedChatClient(Answer("Dandadan", null, [episode], crc), Answer("Dandadan", null, [episode], crc));
        var p = await Service(chat).ParseFilenameAsync(Dandadan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AnswerSource.Rules, p.Source);
        Assert.Contains(expectedError, p.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Malformed_replies_twice_fall_back_to_the_rule_parser()
    {
        var chat = new ScriptedChatClient("{\"show_name\": \"Dand", "I cannot help with that.");
        var p = await Service(chat).ParseFilenameAsync(Dandadan, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(AnswerSource.Rules, p.Source);
        Assert.Equal("Dandadan", p.ShowName);
        Assert.Contains("rejected", p.Reasoning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backend_failures_propagate_for_the_pipeline_to_handle()
    {
        var chat = new ScriptedChatClient();
        chat.EnqueueException(new LlmBackendException(BackendKind.OpenAI, 503, TimeSpan.FromSeconds(2), "service unavailable"));
        var ex = await Assert.ThrowsAsync<LlmBackendException>(() => Service(chat).ParseFilenameAsync(Dandadan, cancellationToken: TestContext.Current.CancellationToken));
        Assert.True(ex.IsTransient);
    }

    [Fact]
    public async Task Romanisation_and_punctuation_differences_are_grounded()
    {
        const string name = "[Group] Shingeki no Kyojin - The Final Season - 05 [1080p].mkv";
        var chat = new ScriptedChatClient(Answer("Shingeki no Kyōjin: The Final Season", null, [5]));
        var p = await Service(chat).ParseFilenameAsync(name, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("llm:fake:model", p.Source.ToString());
    }

    [Fact]
    public async Task A_batch_returns_one_result_per_name_in_order()
    {
        var items = new[] { Answer("Dandadan", null, [18]), Answer("Show Name", 1, [2]) }
            .Select((json, i) => json.Insert(1, $"\"index\":{i},"));
        var chat = new ScriptedChatClient($"{{\"results\":[{string.Join(",", items)}]}}");
        var results = await Service(chat).ParseFilenamesAsync([Dandadan, "Show.Name.S01E02.720p.mkv"], cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal([Dandadan, "Show.Name.S01E02.720p.mkv"], results.Select(r => r.Input));
        Assert.Equal(2, results[1].Episode);
    }
}
