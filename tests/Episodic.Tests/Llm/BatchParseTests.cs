using Episodic.Core.Model;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>One request per batch; every item judged on its own; missing or bad items retried alone; bad batches split.</summary>
public sealed class BatchParseTests
{
    private static readonly string[] Names =
    [
        "[SubsPlease] Dandadan - 18 (1080p) [9226CA61].mkv",
        "[SubsPlease] Wind Breaker - 17 (1080p) [B8258C7A].mkv",
        "[SubsPlease] Summer Pockets - 18 (1080p) [D20561C5].mkv",
        "[SubsPlease] Bad Girl - 05 (1080p) [A0DD1E71].mkv",
    ];

    private static Dictionary<string, object?> Item(int index, string show, int episode) => ModelAnswers.Absolute(show, episode, index);

    private static string Single(string show, int episode) => ModelAnswers.Json(ModelAnswers.Absolute(show, episode));

    private static string Batch(params object[] items) => ModelAnswers.Batch(items);

    private static LlmService Service(ScriptedChatClient chat) => new(chat, AnswerSource.FromLabel("fake:model"), RuleParser.Default);

    [Fact]
    public async Task A_batch_is_one_request_even_when_answered_out_of_order()
    {
        var chat = new ScriptedChatClient(Batch(Item(3, "Bad Girl", 5), Item(1, "Wind Breaker", 17), Item(0, "Dandadan", 18), Item(2, "Summer Pockets", 18)));
        var results = await Service(chat).ParseFilenamesAsync(Names, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Single(chat.Calls);
        Assert.Equal(["Dandadan", "Wind Breaker", "Summer Pockets", "Bad Girl"], results.Select(r => r.ShowName));
        Assert.All(results, r => Assert.True(r.Source.IsModel));
        // The names go as one array; an answer's index is the name's position in it.
        var sent = chat.Calls[0].UserText!.Split('\n').Single(l => l.StartsWith('['));
        Assert.Equal(Names, System.Text.Json.JsonSerializer.Deserialize<string[]>(sent)!);
        Assert.Equal(4 * 150 + 50, chat.Calls[0].Options!.MaxOutputTokens);
    }

    [Fact]
    public async Task Missing_and_hallucinated_items_are_asked_again_alone()
    {
        var chat = new ScriptedChatClient(
            Batch(Item(0, "Dandadan", 18), Item(1, "Wind Breaker", 99), Item(3, "Bad Girl", 5)),
            Single("Wind Breaker", 17),
            Single("Summer Pockets", 18));
        var results = await Service(chat).ParseFilenamesAsync(Names, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, chat.Calls.Count);
        Assert.Equal([18, 17, 18, 5], results.Select(r => r.Episode!.Value));
        Assert.All(results, r => Assert.True(r.Source.IsModel));
    }

    [Fact]
    public async Task A_truncated_batch_answer_is_split_and_retried_not_failed()
    {
        var chat = new ScriptedChatClient(
            """{"results":[{"index":0,"show_name":"Dand""",
            Batch(Item(0, "Dandadan", 18), Item(1, "Wind Breaker", 17)),
            Batch(Item(0, "Summer Pockets", 18), Item(1, "Bad Girl", 5)));
        var results = await Service(chat).ParseFilenamesAsync(Names, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(3, chat.Calls.Count);
        Assert.Equal(["Dandadan", "Wind Breaker", "Summer Pockets", "Bad Girl"], results.Select(r => r.ShowName));
    }
}
