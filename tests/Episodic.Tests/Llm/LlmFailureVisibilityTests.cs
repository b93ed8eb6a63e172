using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Episodic.Llm.Pipeline;
using Episodic.Llm.Providers;
using Xunit;

namespace Episodic.Tests.Llm;

/// <summary>A dead backend is visible on stderr, --strict fails the run, and reasoning names the kind, not exception text.</summary>
public sealed class LlmFailureVisibilityTests
{
    [Fact]
    public async Task A_refused_backend_is_summarised_on_stderr_and_strict_exits_8()
    {
        // A port nothing listens on: bind, note it, close.
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        var env = new Dictionary<string, string?>
        {
            ["EPISODIC_LLM__SERVICE"] = "openai",
            ["OPENAI_API_KEY"] = "sk-visibility-test-0123456789",
            ["OPENAI_BASE_URL"] = $"http://127.0.0.1:{port}/v1",
            ["EPISODIC_OPENAI__MODEL"] = "test-model",
            ["EPISODIC_RESILIENCE__MAX_RETRIES"] = "0",
        };
        const string Names = "Show.Name.S01E02.720p.mkv\nOther.Show.S03E04.mkv\n";

        var (exit, output, error) = await Run(["parse", "-", "--strategy", "llm-only", "--no-cache", "-f", "jsonl"], env, Names);
        var (strictExit, _, strictError) = await Run(["parse", "-", "--strategy", "llm-only", "--no-cache", "-f", "jsonl", "--strict"], env, Names);

        Assert.Equal(0, exit);
        Assert.Matches(@"episodic: openai:test-model: \d+ of \d+ requests failed \(connection (refused|failed)\); the rule parser answered 2 name\(s\)", error);
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var doc = JsonDocument.Parse(line);
            var reasoning = doc.RootElement.GetProperty("reasoning").GetString()!;
            Assert.Contains("failed (connection", reasoning, StringComparison.Ordinal);
            Assert.DoesNotContain("Exception", reasoning, StringComparison.Ordinal);
            Assert.DoesNotContain(port.ToString(System.Globalization.CultureInfo.InvariantCulture), reasoning, StringComparison.Ordinal);
        }

        Assert.Equal(8, strictExit);
        Assert.Contains("--strict", strictError, StringComparison.Ordinal);
    }

    [Fact]
    public void Failure_kinds_name_what_a_user_can_act_on()
    {
        Assert.Equal("HTTP 429 (rate limited)", FailureKind.Of(new LlmBackendException(BackendKind.OpenAI, 429, null, "x")));
        Assert.Equal("HTTP 401 (key rejected)", FailureKind.Of(new LlmBackendException(BackendKind.OpenAI, 401, null, "x")));
        Assert.Equal("timeout", FailureKind.Of(new LlmBackendException(BackendKind.OpenAI, null, null, "openai request failed: timed out after 30 s")));
        Assert.Equal("connection refused", FailureKind.Of(new LlmBackendException(BackendKind.Ollama, null, null, "x", new HttpRequestException("x", new SocketException((int)SocketError.ConnectionRefused)))));
        Assert.Equal("request failed", FailureKind.Of(new InvalidOperationException("secret details")));
    }

    private static Task<(int Exit, string Out, string Err)> Run(string[] args, IReadOnlyDictionary<string, string?> env, string stdin) =>
        InProcessCli.RunAsync(args, env, stdin);
}
