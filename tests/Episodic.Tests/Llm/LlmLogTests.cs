using Episodic.Cli;
using Episodic.Core.Model;
using Episodic.Llm;
using Episodic.Llm.Composition;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>The fallback chain's side remarks go through ILogger (source-generated messages); the CLI shows them as its own one-liners.</summary>
public sealed class LlmLogTests
{
    private static ChainBackend Backend(MockLlmService s, Func<bool>? open = null) => new(s.Name, s, open ?? (() => false));

    [Fact]
    public async Task A_failed_and_a_skipped_backend_are_warning_events_and_the_cli_sink_prints_them_as_episodic_lines()
    {
        var failing = new MockLlmService("a:m") { FailWith = new LlmBackendException(BackendKind.Ollama, 500, null, "boom") };
        var skipped = new MockLlmService("b:m");
        var working = new MockLlmService("c:m") { Default = n => new EpisodeParse { Input = n, ShowName = "Some Show", Episodes = [1], Confidence = 0.9 } };
        ChainBackend[] chain = [Backend(failing), Backend(skipped, () => true), Backend(working)];
        var log = new RecordingLogger();

        var answer = await new FallbackChainLlmService(chain, log).ParseFilenameAsync("some show S2 - 07", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal("Some Show", answer.ShowName);
        Assert.Collection(
            log.Entries,
            e =>
            {
                Assert.Equal((LogLevel.Warning, 102), (e.Level, e.Id.Id));
                Assert.StartsWith("a:m failed (", e.Message, StringComparison.Ordinal);
                Assert.EndsWith("); trying b:m", e.Message, StringComparison.Ordinal);
            },
            e =>
            {
                Assert.Equal((LogLevel.Warning, 101), (e.Level, e.Id.Id));
                Assert.Equal("b:m skipped (circuit open); trying c:m", e.Message);
            });

        using var stderr = new StringWriter();
        var context = new CliContext(new StringReader(""), new StringWriter(), stderr, false);
        await new FallbackChainLlmService(chain, new CliLogger(context)).ParseFilenameAsync("x", cancellationToken: TestContext.Current.CancellationToken);
        var lines = stderr.ToString().Split(Environment.NewLine, StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Equal("episodic: b:m skipped (circuit open); trying c:m", lines[1]);
        Assert.All(lines, l => Assert.StartsWith("episodic: ", l, StringComparison.Ordinal));
    }
}
