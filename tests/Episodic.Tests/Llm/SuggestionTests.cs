using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Tests.Fakes;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>SuggestShowName and SuggestShortName: the model chooses, the service keeps the promises.</summary>
public sealed class SuggestionTests
{
    private static readonly ShowCandidate[] Candidates =
    [
        new(1001, "Attack on Titan", "進撃の巨人", "2013-04-07", "Humans fight titans.", ["Shingeki no Kyojin"]),
        new(1002, "Attack on Titan: Junior High", null, "2015-10-04"),
    ];

    private static LlmService Service(ScriptedChatClient chat) => new(chat, AnswerSource.FromLabel("fake:model"), RuleParser.Default);

    [Fact]
    public async Task No_candidates_means_no_match_without_a_model_call()
    {
        var chat = new ScriptedChatClient();
        var s = await Service(chat).SuggestShowNameAsync("Anything", [], cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(s.IsMatch);
        Assert.Empty(chat.Calls);
    }

    [Fact]
    public async Task The_chosen_candidates_primary_name_is_returned()
    {
        var chat = new ScriptedChatClient("""{"id":1001,"show_name":"Shingeki no Kyojin","confidence":0.93,"reasoning":"Alternative title matches."}""");
        var s = await Service(chat).SuggestShowNameAsync("Shingeki no Kyojin", Candidates, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1001, s.Id);
        Assert.Equal("Attack on Titan", s.ShowName);
        Assert.Equal(0.93, s.Confidence);
        Assert.Contains("Junior High", chat.Calls[0].UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_id_outside_the_list_is_retried_then_falls_back_to_an_exact_name_match()
    {
        var chat = new ScriptedChatClient("""{"id":42,"show_name":"x","confidence":1,"reasoning":""}""", """{"id":7,"show_name":"x","confidence":1,"reasoning":""}""");
        var s = await Service(chat).SuggestShowNameAsync("Shingeki no Kyōjin", Candidates, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1001, s.Id);
        Assert.Equal(2, chat.Calls.Count);
        Assert.Contains("not one of the candidates", chat.Calls[1].UserText, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_match_is_an_answer()
    {
        var chat = new ScriptedChatClient("""{"id":-1,"show_name":null,"confidence":0.8,"reasoning":"Different show."}""");
        var s = await Service(chat).SuggestShowNameAsync("Some Other Show", Candidates, cancellationToken: TestContext.Current.CancellationToken);
        Assert.False(s.IsMatch);
        Assert.Null(s.ShowName);
    }

    [Theory]
    [InlineData("""{"name":"A Name That Is Far Too Long For The Limit Of Thirty.mkv"}""")]
    [InlineData("""{"name":"Show - S01E02"}""")]
    [InlineData("""{"name":"Show - S01E03.mkv"}""")]
    [InlineData("""not json""")]
    public async Task A_short_name_never_breaks_the_limit_or_loses_the_extension_and_marker(string reply)
    {
        const string longName = "The Extraordinarily Long Title of a Show.S01E02.An Episode Title.1080p.WEB-DL.mkv";
        var chat = new ScriptedChatClient(reply, reply);
        var name = await Service(chat).SuggestShortNameAsync(longName, 30, ShortNameKind.File, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(name.Length <= 30, $"'{name}' is {name.Length} characters");
        Assert.EndsWith(".mkv", name, StringComparison.Ordinal);
        Assert.Contains("S01E02", name, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_good_short_name_from_the_model_is_kept()
    {
        var chat = new ScriptedChatClient("""{"name":"Extraordinary Show - S01E02.mkv"}""");
        var name = await Service(chat).SuggestShortNameAsync("The Extraordinarily Long Title of a Show.S01E02.An Episode Title.1080p.WEB-DL.mkv", 40, ShortNameKind.File, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal("Extraordinary Show - S01E02.mkv", name);
    }

    [Fact]
    public async Task A_name_that_already_fits_needs_no_model()
    {
        var chat = new ScriptedChatClient();
        Assert.Equal("Short Show", await Service(chat).SuggestShortNameAsync("Short Show", 40, ShortNameKind.Directory, cancellationToken: TestContext.Current.CancellationToken));
        Assert.Empty(chat.Calls);
    }
}
