using Episodic.Core.Model;
using Episodic.Core.Naming;
using Episodic.Core.Parsing;
using Episodic.Llm;
using Episodic.Llm.Pipeline;
using Xunit;

namespace Episodic.Tests.Pipeline;

/// <summary>In-flight dedup shares one call between waiters; one waiter giving up must not cancel it for the others.</summary>
public sealed class DedupCancellationTests
{
    private const string Name = "Show.S01E02.mkv";

    [Fact]
    public async Task A_cancelled_waiter_leaves_the_shared_call_running_for_the_others()
    {
        var inner = new GatedService();
        var dedup = new DedupingLlmService(inner);
        using var first = new CancellationTokenSource();

        var a = dedup.ParseFilenameAsync(Name, cancellationToken: first.Token);
        var b = dedup.ParseFilenameAsync(Name, cancellationToken: TestContext.Current.CancellationToken);
        await inner.Started.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await first.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        Assert.False(inner.CallToken.IsCancellationRequested);
        inner.Release.SetResult();
        var result = await b;

        Assert.Equal(2, result.Episodes[0]);
        Assert.Equal(1, inner.Calls);
    }

    [Fact]
    public async Task When_every_waiter_has_gone_the_shared_call_is_cancelled()
    {
        var inner = new GatedService();
        var dedup = new DedupingLlmService(inner);
        using var first = new CancellationTokenSource();
        using var second = new CancellationTokenSource();

        var a = dedup.ParseFilenameAsync(Name, cancellationToken: first.Token);
        var b = dedup.ParseFilenameAsync(Name, cancellationToken: second.Token);
        await inner.Started.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        await first.CancelAsync();
        await second.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => a);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => b);
        Assert.True(inner.CallToken.IsCancellationRequested);

        // A later caller starts a fresh call instead of inheriting the cancelled one.
        inner.Release.TrySetResult();
        var again = await dedup.ParseFilenameAsync(Name, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(2, again.Episodes[0]);
    }

    [Fact]
    public async Task A_batch_caller_giving_up_does_not_cancel_a_name_another_caller_waits_for()
    {
        var inner = new GatedService();
        var dedup = new DedupingLlmService(inner);
        using var owner = new CancellationTokenSource();

        var batch = dedup.ParseFilenamesAsync([Name, "Other.S02E03.mkv"], cancellationToken: owner.Token);
        await inner.Started.Task.WaitAsync(TimeSpan.FromSeconds(5), TestContext.Current.CancellationToken);
        var waiter = dedup.ParseFilenameAsync(Name, cancellationToken: TestContext.Current.CancellationToken);
        await owner.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => batch);
        Assert.False(inner.CallToken.IsCancellationRequested);
        inner.Release.SetResult();
        Assert.Equal(2, (await waiter).Episodes[0]);
        Assert.Equal(1, inner.Calls);
    }

    /// <summary>Parses by rules once released; records the token its (single) call was given.</summary>
    private sealed class GatedService : ILlmService
    {
        private int _calls;

        public TaskCompletionSource Started { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public CancellationToken CallToken { get; private set; }

        public int Calls => _calls;

        public string Name => "gated:test";

        public async Task<EpisodeParse> ParseFilenameAsync(string filename, int maxTokens = 150, CancellationToken cancellationToken = default) =>
            (await ParseFilenamesAsync([filename], maxTokens, cancellationToken))[0];

        public async Task<IReadOnlyList<EpisodeParse>> ParseFilenamesAsync(IReadOnlyList<string> filenames, int maxTokens = 150, CancellationToken cancellationToken = default)
        {
            if (Interlocked.Increment(ref _calls) == 1)
            {
                CallToken = cancellationToken;
            }

            Started.TrySetResult();
            await Release.Task.WaitAsync(cancellationToken);
            return [.. filenames.Select(RuleParser.Default.Parse)];
        }

        public Task<ShowSuggestion> SuggestShowNameAsync(string showName, IReadOnlyList<ShowCandidate> candidates, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();

        public Task<string> SuggestShortNameAsync(string longName, int maxLength, ShortNameKind kind, CancellationToken cancellationToken = default) =>
            throw new NotSupportedException();
    }
}
